package io.github.camelnavixy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says once, when a consumer starts, that its credentials will cross the network unencrypted: the API key or session
 * hash rides in every subscribe over {@code ws://}, the password in the {@code user/auth} call over {@code http://}.
 * Loopback hosts (a local simulator, a sidecar) are exempt. The secret itself is never printed.
 */
final class CleartextWarning {

    private static final Logger LOG = LoggerFactory.getLogger(CleartextWarning.class);

    private CleartextWarning() {
    }

    /** Logs one WARN when any URL the endpoint uses carries credentials in clear text to a host that is not loopback. */
    static void logIfUnencrypted(NavixyEndpoint endpoint) {
        String message = message(endpoint);
        if (message != null) {
            LOG.warn(message);
        }
    }

    /** The warning text, or null when there is nothing to warn about. */
    static String message(NavixyEndpoint endpoint) {
        NavixyConfiguration c = endpoint.getConfiguration();
        List<String> exposed = new ArrayList<>();
        if (cleartextToRemoteHost(endpoint.getResolvedWebSocketUrl())) {
            boolean apiKey = c.getApiKey() != null && !c.getApiKey().isBlank();
            exposed.add("the " + (apiKey ? "API key" : "session hash") + " goes to " + where(endpoint.getResolvedWebSocketUrl()));
        }
        boolean login = c.getLogin() != null && !c.getLogin().isBlank();
        String base = login ? ServiceUrls.baseUrl(c.getBaseUrl()) : null;
        if (base != null && cleartextToRemoteHost(base)) {
            exposed.add("the password goes to " + where(base) + " (user/auth)");
        }
        if (exposed.isEmpty()) {
            return null;
        }
        return "Navixy connection is not encrypted: " + String.join(" and ", exposed)
                + " in clear text, readable by anyone on the network path. Use wss:// and https:// URLs.";
    }

    private static String where(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static boolean cleartextToRemoteHost(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"ws".equals(scheme) && !"http".equals(scheme)) {
            return false;
        }
        return !isLoopback(uri.getHost());
    }

    /** Decided from the name alone: looking a host name up would block the start on DNS. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a host name, not an address literal
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
