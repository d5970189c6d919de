package io.github.camelnavixy.examples.livefeed.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetPagePortTest {

    private static final String HOST = FleetPageSettings.DEFAULT_HOST;

    private static ServerSocket occupy() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(HOST));
    }

    @Test
    void defaultPortWhenFree() throws IOException {
        int free;
        try (ServerSocket probe = occupy()) {
            free = probe.getLocalPort();
        }
        assertEquals(free, FleetPagePort.choose(null, HOST, free));
    }

    @Test
    void anotherPortWhenTheDefaultIsTaken() throws IOException {
        try (ServerSocket taken = occupy()) {
            int chosen = FleetPagePort.choose(null, HOST, taken.getLocalPort());

            assertNotEquals(taken.getLocalPort(), chosen);
            assertTrue(chosen > 0, "a concrete port: " + chosen);
        }
    }

    @Test
    void configuredPortThatIsTakenFailsSayingWhatToDo() throws IOException {
        try (ServerSocket taken = occupy()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FleetPagePort.choose(taken.getLocalPort(), HOST));

            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on " + HOST + " is in use"), e.getMessage());
            assertTrue(e.getMessage().contains("-D" + FleetPageSettings.PORT_PROPERTY + "="), e.getMessage());
        }
    }

    @Test
    void portZeroMeansAnyFreePort() {
        assertTrue(FleetPagePort.choose(0, HOST) > 0);
    }
}
