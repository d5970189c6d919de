package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket's stream of pre-generated {@code state_batch} frames for a {@link LoadProfile}. The frames are built
 * once, from the fleet's current states in the subscription's shape and time format, so the load costs the server
 * little more than the writes; each is kept as the text before and after its {@code user_time} stamp. Event loop only.
 */
final class LoadStream {

    /** Fixed width, so every frame of a stream has the same length whatever it is stamped with. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String PLACEHOLDER = STAMP.format(Instant.EPOCH);

    private final Vertx vertx;
    private final AtmosphereSession session;
    private final LoadProfile profile;
    private final List<String[]> frames;
    private final List<String> constantFrames;
    private final long total;
    private long sent;
    private long startNanos;
    private long startMicros;
    private long timer = -1;

    LoadStream(Vertx vertx, AtmosphereSession session, LoadProfile profile, EventShapes shapes,
            List<ObjectNode> states) {
        this.vertx = vertx;
        this.session = session;
        this.profile = profile;
        this.total = profile.frames();
        this.frames = new ArrayList<>();
        this.constantFrames = new ArrayList<>();
        int n = profile.itemsPerFrame();
        int count = Math.max(1, states.size() / n);
        for (int f = 0; f < count; f++) {
            List<ObjectNode> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(states.get((f * n + i) % states.size()));
            }
            String[] parts = split(withUserTime(shapes.stateBatch(PLACEHOLDER, items, List.of())));
            frames.add(parts);
            constantFrames.add(parts[0] + PLACEHOLDER + parts[1]);
        }
    }

    /** The observed shape sends no {@code user_time} for batches: the load frames carry one at the end. */
    private static String withUserTime(String frame) {
        if (frame.contains("\"user_time\"")) {
            return frame;
        }
        int end = frame.lastIndexOf('}');
        return frame.substring(0, end) + ",\"user_time\":\"" + PLACEHOLDER + "\"" + frame.substring(end);
    }

    private static String[] split(String frame) {
        int at = frame.indexOf(PLACEHOLDER);
        return new String[] { frame.substring(0, at), frame.substring(at + PLACEHOLDER.length()) };
    }

    void start() {
        startNanos = System.nanoTime();
        Instant now = Instant.now();
        startMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        if (profile.statesPerSecond() == 0) {
            session.stream(this::nextConstant);
        } else {
            timer = vertx.setPeriodic(1, t -> paced());
        }
    }

    private String nextConstant() {
        if (sent >= total) {
            return null;
        }
        return constantFrames.get((int) (sent++ % constantFrames.size()));
    }

    /**
     * Sends the frames due by now, each stamped with the time it was due: a client that falls behind shows it in
     * its latency (nothing is left out of the figures), while the server writes only as fast as the socket takes
     * frames, so its memory stays bounded.
     */
    private void paced() {
        if (session.isClosed() || sent >= total) {
            vertx.cancelTimer(timer);
            return;
        }
        double framesPerSecond = (double) profile.statesPerSecond() / profile.itemsPerFrame();
        long due = Math.min(total, (long) ((System.nanoTime() - startNanos) / 1e9 * framesPerSecond));
        while (sent < due && !session.writeQueueFull()) {
            long dueMicros = startMicros + (long) ((sent + 1) * 1e6 / framesPerSecond); // frame n is due at (n+1)/rate
            String[] parts = frames.get((int) (sent++ % frames.size()));
            Instant stamp = Instant.ofEpochSecond(dueMicros / 1_000_000, (dueMicros % 1_000_000) * 1000);
            session.writeLoadFrame(parts[0] + STAMP.format(stamp) + parts[1]);
        }
    }
}
