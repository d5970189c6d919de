package io.github.camelnavixy;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the configured URLs and derives the WebSocket URL from the REST base when none is given. Schemes are
 * case-insensitive (RFC 3986): every URL leaves here with its scheme in lower case, because Vert.x compares schemes
 * exactly and would refuse {@code WSS://} on every reconnect attempt.
 */
final class ServiceUrls {

    private static final Set<String> SCHEMES = Set.of("ws", "wss", "http", "https");
    static final String SUBSCRIPTION_PATH = "/event/subscription";

    private ServiceUrls() {
    }

    /** The WebSocket URL to connect to: the explicit one (http/https turned into ws/wss), or derived from baseUrl. */
    static String webSocketUrl(String baseUrl, String webSocketUrl) {
        if (webSocketUrl != null && !webSocketUrl.isBlank()) {
            return toWebSocketScheme(checked("webSocketUrl", webSocketUrl));
        }
        String base = checked("baseUrl", baseUrl);
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return toWebSocketScheme(trimmed + SUBSCRIPTION_PATH);
    }

    /** The REST base for user/auth, checked. */
    static String baseUrl(String baseUrl) {
        return checked("baseUrl", baseUrl);
    }

    private static String checked(String option, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(option + " is empty: write a URL such as " + option + "="
                    + (option.equals("baseUrl") ? NavixyConfiguration.DEFAULT_BASE_URL : "wss://api.eu.navixy.com/v2/event/subscription"));
        }
        String scheme;
        try {
            URI uri = new URI(url.trim());
            scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme != null && SCHEMES.contains(scheme) && uri.getHost() == null) {
                throw new IllegalArgumentException(option + "='" + url + "' has no host: write e.g. " + option
                        + "=https://api.eu.navixy.com/v2");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(option + "='" + url + "' is not a valid URL (" + e.getReason()
                    + "): write e.g. " + option + "=https://api.eu.navixy.com/v2");
        }
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException(option + "='" + url + "' must start with ws://, wss://, http:// or https://,"
                    + " e.g. " + option + "=https://api.eu.navixy.com/v2");
        }
        String trimmed = url.trim();
        // lower-case the scheme only: the rest of the URL (path, query) may be case-sensitive
        return scheme + trimmed.substring(trimmed.indexOf(':'));
    }

    /** Called with a checked URL only, whose scheme is already in lower case. */
    private static String toWebSocketScheme(String url) {
        if (url.startsWith("https://")) {
            return "wss://" + url.substring("https://".length());
        }
        if (url.startsWith("http://")) {
            return "ws://" + url.substring("http://".length());
        }
        return url;
    }
}
