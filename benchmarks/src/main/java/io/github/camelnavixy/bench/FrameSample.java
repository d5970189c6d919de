package io.github.camelnavixy.bench;

import io.github.camelnavixy.simulator.LoadProfile;
import io.github.camelnavixy.simulator.NavixySimulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One load frame (100 observed-shape states) as the simulator sends it, for the micro-benchmarks. */
final class FrameSample {

    private FrameSample() {
    }

    static byte[] stateBatchFrame() throws Exception {
        try (NavixySimulator sim = NavixySimulator.builder().fleetSize(100).load(new LoadProfile(100, 0, 100))
                .build().start(); RawSocket socket = new RawSocket()) {
            CompletableFuture<byte[]> frame = new CompletableFuture<>();
            socket.connect(sim.webSocketUrl(), sim.apiKey(), bytes -> {
                if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\"source_state_event\"")) {
                    frame.complete(bytes);
                }
            });
            return frame.get(10, TimeUnit.SECONDS);
        }
    }
}
