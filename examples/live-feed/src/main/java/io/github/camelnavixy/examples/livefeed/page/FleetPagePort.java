package io.github.camelnavixy.examples.livefeed.page;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Which port the fleet page listens on: the one configured (failing at once, with what to do, when it is taken), or
 * by default {@link #DEFAULT_PORT}, or any free port when that is taken (the URL printed at start says which).
 *
 * <p>Always a concrete port, never 0: platform-http names its router after the port and finds it by that name.
 */
public final class FleetPagePort {

    public static final int DEFAULT_PORT = 8080;

    private FleetPagePort() {
    }

    /**
     * @param configured the port asked for ({@code 0} = any free port), or {@code null} for the default
     * @param host       the address to listen on
     * @return the port to listen on
     * @throws IllegalStateException when the configured port is taken
     */
    public static int choose(Integer configured, String host) {
        return choose(configured, host, DEFAULT_PORT);
    }

    static int choose(Integer configured, String host, int defaultPort) {
        if (configured == null) {
            return isFree(host, defaultPort) ? defaultPort : anyFree(host);
        }
        if (configured < 0 || configured > 65535) {
            throw new IllegalArgumentException("Fleet page port " + configured + " is not a port (0 to 65535)");
        }
        if (configured != 0 && !isFree(host, configured)) {
            throw new IllegalStateException("Fleet page: port " + configured + " on " + host + " is in use."
                    + " Choose another with -D" + FleetPageSettings.PORT_PROPERTY + "=PORT (0 for any free port).");
        }
        return configured == 0 ? anyFree(host) : configured;
    }

    /** A port nothing listens on now, picked by the system. */
    static int anyFree(String host) {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Fleet page: cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Whether nothing listens on host:port now (the server binds it a moment later; a race we accept for a demo). */
    static boolean isFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
