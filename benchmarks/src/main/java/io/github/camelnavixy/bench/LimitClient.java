package io.github.camelnavixy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The limit: bare Vert.x, Jackson {@code readTree} over each frame's bytes, two fields touched per item. */
final class LimitClient implements BenchClient {

    private final RawSocket socket = new RawSocket();
    private final ObjectReader reader = new ObjectMapper().reader();
    /** Keeps the JIT from dropping the reads. */
    double sink;

    @Override
    public void start(String webSocketUrl, String apiKey, StateRecorder recorder) throws Exception {
        socket.connect(webSocketUrl, apiKey, bytes -> {
            JsonNode root;
            try {
                root = reader.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!"state_batch".equals(root.path("event").asText())) {
                return;
            }
            long sent = recorder.timed() ? StateRecorder.micros(Instant.parse(root.path("user_time").asText())) : 0;
            for (JsonNode item : root.path("data")) {
                JsonNode state = item.path("state");
                sink += state.path("gps").path("location").path("lat").asDouble() + state.path("source_id").asLong();
                recorder.record(sent);
            }
        });
    }

    @Override
    public void close() {
        socket.close();
    }
}
