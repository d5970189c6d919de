package io.github.camelnavixy;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.TrustOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.AliasedX509ExtendedKeyManager;
import org.apache.camel.support.jsse.BaseSSLContextParameters;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextClientParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoint's transport options (TLS, proxy) as Vert.x client options, for the WebSocket and for {@code user/auth}.
 *
 * <p>Built once when a consumer starts, so a setting that cannot be honoured fails the start with a message instead
 * of failing every reconnect. Vert.x creates its own {@code SSLContext}; from Camel's {@link SSLContextParameters} it
 * takes the key and trust managers, the enabled protocols and the cipher suites. Everything else in there would be
 * silently ignored, so it is refused instead. Host names are always verified (Vert.x's {@code verifyHost}, which makes
 * the TLS engine check the certificate against the URL's host with the "HTTPS" algorithm).
 */
final class VertxTransportOptions {

    /** The protocols Vert.x enables when none are named: what Camel's default {@code TLSv1.3} context offers too. */
    private static final Set<String> MODERN_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    private final WebSocketClientOptions webSocket;
    private final HttpClientOptions http;

    private VertxTransportOptions(WebSocketClientOptions webSocket, HttpClientOptions http) {
        this.webSocket = webSocket;
        this.http = http;
    }

    /**
     * @throws IllegalArgumentException when the sslContextParameters hold a setting Vert.x cannot take
     * @throws IllegalStateException    when a key or trust store cannot be read
     */
    static VertxTransportOptions of(NavixyConfiguration configuration, CamelContext camelContext) {
        WebSocketClientOptions webSocket = new WebSocketClientOptions().setVerifyHost(true);
        HttpClientOptions http = new HttpClientOptions().setVerifyHost(true);
        SSLContextParameters ssl = configuration.getSslContextParameters();
        if (ssl != null) {
            Tls tls = Tls.of(ssl, camelContext);
            tls.applyTo(webSocket);
            tls.applyTo(http);
        }
        ProxyOptions proxy = proxy(configuration);
        if (proxy != null) {
            webSocket.setProxyOptions(proxy);
            http.setProxyOptions(new ProxyOptions(proxy));
        }
        return new VertxTransportOptions(webSocket, http);
    }

    /** Options for the WebSocket client (a copy: the connection adds its own settings). */
    WebSocketClientOptions webSocketOptions() {
        return new WebSocketClientOptions(webSocket);
    }

    /** Options for the HTTP client that calls {@code user/auth} (a copy). */
    HttpClientOptions httpOptions() {
        return new HttpClientOptions(http);
    }

    private static ProxyOptions proxy(NavixyConfiguration c) {
        if (c.getProxyHost() == null || c.getProxyHost().isBlank()) {
            return null;
        }
        ProxyOptions proxy = new ProxyOptions()
                .setType(c.getProxyType() == ProxyType.SOCKS5 ? io.vertx.core.net.ProxyType.SOCKS5
                        : io.vertx.core.net.ProxyType.HTTP)
                .setHost(c.getProxyHost().trim())
                .setPort(c.getProxyPort());
        if (c.getProxyUsername() != null && !c.getProxyUsername().isBlank()) {
            proxy.setUsername(c.getProxyUsername()).setPassword(c.getProxyPassword());
        }
        return proxy;
    }

    /** What Vert.x takes from Camel's TLS settings, read once. */
    private record Tls(KeyManager keyManager, TrustManager trustManager, Set<String> protocols, List<String> cipherSuites) {

        static Tls of(SSLContextParameters ssl, CamelContext camelContext) {
            refuseWhatVertxCannotTake(ssl);
            giveCamelContext(ssl, camelContext);
            SSLContextClientParameters client = ssl.getClientParameters();
            // As in Camel's own SSLContext: client parameters, when they name something, override the general ones.
            BaseSSLContextParameters forProtocols = client != null && client.getSecureSocketProtocols() != null ? client : ssl;
            BaseSSLContextParameters forCiphers = client != null && client.getCipherSuites() != null ? client : ssl;
            try {
                return new Tls(keyManager(ssl), trustManager(ssl.getTrustManagers()),
                        protocols(ssl, forProtocols, camelContext), cipherSuites(forCiphers, camelContext));
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the key or trust store of sslContextParameters: " + e.getMessage(), e);
            }
        }

        void applyTo(ClientOptionsBase options) {
            if (keyManager != null) {
                options.setKeyCertOptions(KeyCertOptions.wrap((X509KeyManager) keyManager));
            }
            if (trustManager != null) {
                options.setTrustOptions(TrustOptions.wrap(trustManager));
            }
            if (protocols != null) {
                options.setEnabledSecureTransportProtocols(protocols);
            }
            cipherSuites.forEach(options::addEnabledCipherSuite);
        }

        private static void refuseWhatVertxCannotTake(SSLContextParameters ssl) {
            if (ssl.getProvider() != null) {
                throw cannot("provider=" + ssl.getProvider(), "Vert.x uses the JDK's default TLS provider; remove provider");
            }
            if (ssl.getSecureRandom() != null) {
                throw cannot("secureRandom", "Vert.x uses the JDK's default SecureRandom; remove secureRandom");
            }
            refuseFiltersAndTimeout(ssl, "");
            if (ssl.getClientParameters() != null) {
                refuseFiltersAndTimeout(ssl.getClientParameters(), "clientParameters.");
            }
        }

        private static void refuseFiltersAndTimeout(BaseSSLContextParameters p, String prefix) {
            if (p.getCipherSuitesFilter() != null) {
                throw cannot(prefix + "cipherSuitesFilter",
                        "list the suites to enable in " + prefix + "cipherSuites instead of a filter");
            }
            if (p.getSecureSocketProtocolsFilter() != null) {
                throw cannot(prefix + "secureSocketProtocolsFilter",
                        "list the protocols to enable in " + prefix + "secureSocketProtocols (e.g. TLSv1.3) instead of a filter");
            }
            if (p.getSessionTimeout() != null) {
                throw cannot(prefix + "sessionTimeout", "Vert.x keeps the JDK's TLS session cache settings; remove it");
            }
        }

        private static IllegalArgumentException cannot(String setting, String advice) {
            return new IllegalArgumentException(
                    "sslContextParameters: " + setting + " cannot be applied to the Navixy connection: " + advice);
        }

        /** Resources such as {@code classpath:} and {@code file:} key stores, and placeholders, resolve through it. */
        private static void giveCamelContext(SSLContextParameters ssl, CamelContext camelContext) {
            ssl.setCamelContext(camelContext);
            KeyManagersParameters keys = ssl.getKeyManagers();
            if (keys != null) {
                keys.setCamelContext(camelContext);
                if (keys.getKeyStore() != null) {
                    keys.getKeyStore().setCamelContext(camelContext);
                }
            }
            TrustManagersParameters trust = ssl.getTrustManagers();
            if (trust != null) {
                trust.setCamelContext(camelContext);
                if (trust.getKeyStore() != null) {
                    trust.getKeyStore().setCamelContext(camelContext);
                }
            }
            if (ssl.getClientParameters() != null) {
                ssl.getClientParameters().setCamelContext(camelContext);
            }
        }

        private static KeyManager keyManager(SSLContextParameters ssl) throws Exception {
            if (ssl.getKeyManagers() == null) {
                return null;
            }
            for (KeyManager manager : ssl.getKeyManagers().createKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    String alias = ssl.getCertAlias();
                    return alias == null || alias.isBlank() ? x509 : new AliasedX509ExtendedKeyManager(alias, x509);
                }
            }
            throw new IllegalArgumentException("sslContextParameters: the keyManagers hold no X.509 key manager;"
                    + " give a key store with a private key and certificate");
        }

        private static TrustManager trustManager(TrustManagersParameters trust) throws Exception {
            if (trust == null) {
                return null;
            }
            TrustManager[] managers = trust.createTrustManagers();
            return managers.length == 0 ? null : managers[0];
        }

        /**
         * The protocols to enable: those listed in secureSocketProtocols, else the ones the context protocol
         * ({@code secureSocketProtocol}, Camel's default {@code TLSv1.3}) stands for. {@code null}: Vert.x's default.
         */
        private static Set<String> protocols(SSLContextParameters ssl, BaseSSLContextParameters from, CamelContext camelContext) {
            if (from.getSecureSocketProtocols() != null && !from.getSecureSocketProtocols().getSecureSocketProtocol().isEmpty()) {
                Set<String> listed = new LinkedHashSet<>();
                from.getSecureSocketProtocols().getSecureSocketProtocol()
                        .forEach(p -> listed.add(camelContext.resolvePropertyPlaceholders(p).trim()));
                return listed;
            }
            String contextProtocol = camelContext.resolvePropertyPlaceholders(ssl.getSecureSocketProtocol()).trim();
            switch (contextProtocol) {
                case "TLS", "TLSv1.3":
                    return MODERN_PROTOCOLS;
                case "TLSv1.2":
                    return Set.of("TLSv1.2");
                default:
                    throw cannot("secureSocketProtocol=" + contextProtocol,
                            "write TLSv1.3 (the default), TLSv1.2 or TLS, or list the protocols to enable in secureSocketProtocols");
            }
        }

        private static List<String> cipherSuites(BaseSSLContextParameters from, CamelContext camelContext) {
            List<String> suites = new ArrayList<>();
            if (from.getCipherSuites() != null) {
                from.getCipherSuites().getCipherSuite()
                        .forEach(s -> suites.add(camelContext.resolvePropertyPlaceholders(s).trim()));
            }
            return suites;
        }
    }
}
