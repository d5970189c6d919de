package io.github.camelnavixy.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;

/**
 * The Atmosphere {@code X-*} parameters of an upgrade request. Atmosphere copies query parameters into pseudo-headers
 * and a real header wins over the query string (spec §1.2), so both are read, header first.
 *
 * @param trackingId             {@code X-Atmosphere-tracking-id}, null when absent
 * @param atmoProtocol           {@code X-atmo-protocol} present (any value)
 * @param framework              {@code X-Atmosphere-Framework}, null when absent
 * @param trackMessageSize       {@code X-Atmosphere-TrackMessageSize=true}
 * @param heartbeatServerSeconds {@code X-Heartbeat-Server}, null when absent or not a number
 */
record AtmosphereParams(String trackingId, boolean atmoProtocol, String framework, boolean trackMessageSize,
        Integer heartbeatServerSeconds) {

    static AtmosphereParams of(HttpServerRequest request) {
        MultiMap headers = request.headers();
        MultiMap query = request.params();
        Integer heartbeat = null;
        String hb = value(headers, query, "X-Heartbeat-Server");
        if (hb != null) {
            try {
                heartbeat = Integer.valueOf(hb.trim());
            } catch (NumberFormatException ignored) {
                // Atmosphere ignores an unparsable value too
            }
        }
        return new AtmosphereParams(value(headers, query, "X-Atmosphere-tracking-id"),
                value(headers, query, "X-atmo-protocol") != null,
                value(headers, query, "X-Atmosphere-Framework"),
                "true".equalsIgnoreCase(value(headers, query, "X-Atmosphere-TrackMessageSize")),
                heartbeat);
    }

    private static String value(MultiMap headers, MultiMap query, String name) {
        String v = headers.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Tracking id {@code 0} or absent: the server creates a fresh resource (and a handshake when asked). */
    boolean newResource() {
        return trackingId == null || trackingId.isBlank() || "0".equals(trackingId.trim());
    }

    /**
     * Atmosphere's {@code JavaScriptProtocol} check: the part of {@code X-Atmosphere-Framework} before {@code -} must
     * be {@code major.minor.patch} and at least 2.2.1; otherwise the resource is not suspended.
     */
    boolean versionSupported() {
        if (framework == null) {
            return false;
        }
        String version = framework.split("-", 2)[0].trim();
        String[] parts = version.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            int patch = Integer.parseInt(parts[2]);
            if (major != 2) {
                return major > 2;
            }
            return minor > 2 || (minor == 2 && patch >= 1);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
