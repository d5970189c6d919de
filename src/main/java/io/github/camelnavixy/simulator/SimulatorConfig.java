package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@link NavixySimulator.Builder} collected, frozen. See the builder for the meaning and defaults.
 */
record SimulatorConfig(String host, int port, int fleetSize, Duration tickInterval, Duration simulatedTimePerTick,
        List<String> apiKeys, Map<String, String> accounts, Shape shape, Duration clientHeartbeat,
        Duration serverHeartbeat, long seed, Duration defaultRateLimit, ZoneId userZone, double cityLat,
        double cityLng, boolean trackMessageSizeSupported, Set<Long> blocked, Set<Long> disallowed, Duration sessionLifetime,
        LoadProfile load) {
}
