package io.github.camelnavixy.examples.livefeed.page;

/**
 * Where the fleet page listens.
 *
 * @param host the address to listen on; the loopback address by default, since the page shows where the fleet is
 * @param port the port asked for ({@code 0} = any free port), or {@code null} for {@link FleetPagePort#DEFAULT_PORT}
 *             with a fall-back to any free port
 */
public record FleetPageSettings(String host, Integer port) {

    public static final String PORT_PROPERTY = "navixy.demo.port";
    public static final String HOST_PROPERTY = "navixy.demo.host";
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** From {@code -Dnavixy.demo.port} / {@code NAVIXY_DEMO_PORT} and {@code -Dnavixy.demo.host}. */
    public static FleetPageSettings fromSystem() {
        String port = System.getProperty(PORT_PROPERTY, System.getenv("NAVIXY_DEMO_PORT"));
        String host = System.getProperty(HOST_PROPERTY, DEFAULT_HOST);
        return new FleetPageSettings(host.isBlank() ? DEFAULT_HOST : host.trim(), parsePort(port));
    }

    /** Any free port on the loopback address (tests). */
    public static FleetPageSettings anyFreePort() {
        return new FleetPageSettings(DEFAULT_HOST, 0);
    }

    private static Integer parsePort(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_PROPERTY + " must be a port number, not '" + text.trim() + "'");
        }
    }
}
