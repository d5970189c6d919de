package io.github.camelnavixy.simulator;

import io.vertx.core.net.KeyCertOptions;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@link NavixySimulator.Builder} collected, frozen. See the builder for the meaning and defaults.
 * {@code tls} null: plain ws/http; {@code selfSigned}: the certificate the simulator made up, when it did.
 */
record SimulatorConfig(String host, int port, int fleetSize, Duration tickInterval, Duration simulatedTimePerTick,
        List<String> apiKeys, Map<String, String> accounts, Shape shape, Duration clientHeartbeat,
        Duration serverHeartbeat, long seed, Duration defaultRateLimit, ZoneId userZone, double cityLat,
        double cityLng, boolean trackMessageSizeSupported, Set<Long> blocked, Set<Long> disallowed, Duration sessionLifetime,
        KeyCertOptions tls, SimulatorCertificate selfSigned, LoadProfile load) {

    SimulatorConfig withTls(KeyCertOptions keyCert, SimulatorCertificate certificate) {
        return new SimulatorConfig(host, port, fleetSize, tickInterval, simulatedTimePerTick, apiKeys, accounts, shape,
                clientHeartbeat, serverHeartbeat, seed, defaultRateLimit, userZone, cityLat, cityLng,
                trackMessageSizeSupported, blocked, disallowed, sessionLifetime, keyCert, certificate, load);
    }
}
