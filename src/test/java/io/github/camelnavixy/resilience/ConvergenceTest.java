package io.github.camelnavixy.resilience;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.client.ConnectionSnapshot;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.model.Gps;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.simulator.TrackerTruth;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The convergence proof of issue 3: a fleet keeps moving while a seeded random schedule of faults hits the connection;
 * at the end the route's last state of every tracker equals the simulator's truth, exactly one socket was ever open
 * at a time, and nothing reaches the route after it stopped.
 *
 * <p>Navixy has no replay: what converges the route after an outage is the full snapshot the server sends on every
 * new {@code state_batch} subscription (every tracker with status {@code normal}), not a re-sending of missed events.
 *
 * <p>System properties: {@code navixy.convergence.seed} (default {@value #DEFAULT_SEED}) replays a schedule;
 * {@code navixy.soak.minutes} turns the test into a soak of that many minutes of faults (default: the CI run of
 * {@value #CI_FAULT_SECONDS} s). {@code ./mvnw -B test -Dtest=ConvergenceTest -Dnavixy.soak.minutes=10}.
 */
class ConvergenceTest extends CamelTestSupport {

    static final long DEFAULT_SEED = 20240917L;
    static final int CI_FAULT_SECONDS = 22;
    static final int TRACKERS = 30;
    static final String ROUTE_ID = "convergence";

    /** The kinds of fault the schedule draws from. Logout and key revocation are left out: they stop an apiKey consumer by design. */
    enum Fault {
        ABRUPT_CLOSE, CLOSE_FRAME, REFUSE_503, REFUSE_ACCEPT_THEN_DROP, SILENCE, GARBAGE, ERROR_6, ERROR_15,
        SLOW_WRITES, RESTART
    }

    private static final String[] GARBAGE = {
        "{not json at all",
        "\u0000\u0001\u0002binary-ish",
        "]]]}}}",
        "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":42}",
        "{\"type\":\"response\",\"action\":",
        "12|{\"truncated\":",
        "{\"type\":\"no-such-type\"}",
        "null",
    };

    private final Map<Long, TrackerState> lastState = new ConcurrentHashMap<>();
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong exchangesAfterStop = new AtomicLong();
    private final AtomicLong reportedErrors = new AtomicLong();
    private volatile boolean routeStopped;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long heapBaseline;
    private long heapMax;
    private long heapLast;
    private long lastHeapSampleNanos;

    private NavixySimulator simulator;

    @Override
    protected void doPreSetup() throws Exception {
        simulator = NavixySimulator.builder()
                .fleetSize(TRACKERS)
                .tickInterval(Duration.ofMillis(60))
                .defaultRateLimit(Duration.ofMillis(200))
                .seed(7)
                .build()
                .start();
    }

    @AfterEach
    void closeSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        // Counts only: a recording handler would grow for the whole soak and spoil the heap figure.
        registry.bind("convergenceErrors", new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                reportedErrors.incrementAndGet();
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reportedErrors.incrementAndGet();
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reportedErrors.incrementAndGet();
            }
        });
    }

    private NavixyConsumer navixyConsumer() {
        return (NavixyConsumer) context.getRoute(ROUTE_ID).getConsumer();
    }

    private long reconnects() {
        ConnectionSnapshot s = navixyConsumer().getConnectionSnapshot();
        return s == null ? 0 : s.reconnects();
    }

    private boolean subscribed() {
        return navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED;
    }

    private void awaitSubscribed(long seconds) {
        await("consumer subscribed again").atMost(seconds, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                .until(this::subscribed);
    }

    private static <T> T join(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    // ---- heap ------------------------------------------------------------------------------------------------------

    private long usedHeapAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void sampleHeapNow() {
        heapLast = usedHeapAfterGc();
        heapMax = Math.max(heapMax, heapLast);
        lastHeapSampleNanos = System.nanoTime();
    }

    private void maybeSampleHeap() {
        if (System.nanoTime() - lastHeapSampleNanos > TimeUnit.SECONDS.toNanos(1)) {
            sampleHeapNow();
        }
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** A pause in the fault schedule (not synchronisation): the fleet keeps driving, the heap gets sampled. */
    private void dwell(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(millis + 5000, TimeUnit.MILLISECONDS)
                .until(() -> {
                    maybeSampleHeap();
                    return System.nanoTime() - end >= 0;
                });
    }

    // ---- the test --------------------------------------------------------------------------------------------------

    @Test
    void everyTrackerConvergesToTheTruthThroughARandomMixOfFaults() throws Exception {
        long seed = Long.getLong("navixy.convergence.seed", DEFAULT_SEED);
        String soak = System.getProperty("navixy.soak.minutes", "").trim();
        Duration faultPhase = soak.isEmpty() ? Duration.ofSeconds(CI_FAULT_SECONDS)
                : Duration.ofSeconds(Math.round(Double.parseDouble(soak) * 60));
        System.out.printf(Locale.ROOT, "ConvergenceTest: seed %d (replay with -Dnavixy.convergence.seed=%d), "
                + "fault phase %d s%s%n", seed, seed, faultPhase.toSeconds(), soak.isEmpty() ? " (CI)" : " (soak)");
        Random random = new Random(seed);

        heapBaseline = usedHeapAfterGc();
        heapMax = heapBaseline;
        heapLast = heapBaseline;
        lastHeapSampleNanos = System.nanoTime();

        String uri = "navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + simulator.webSocketUrl()
                + "&exceptionHandler=#convergenceErrors"
                + "&reconnectDelay=100ms&reconnectMaxDelay=1s&idleTimeout=1s&pingInterval=300ms"
                + "&rateLimit=200ms&unsubscribeTimeout=500ms";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(ROUTE_ID).process(exchange -> {
                    if (routeStopped) {
                        exchangesAfterStop.incrementAndGet();
                    }
                    exchanges.incrementAndGet();
                    if (exchange.getMessage().getBody() instanceof TrackerState state && state.sourceId() != null) {
                        lastState.put(state.sourceId(), state);
                    }
                });
            }
        });
        awaitSubscribed(15);

        // Every new subscription starts with a full snapshot: the first one alone already covers the whole fleet.
        await("initial snapshot").atMost(10, TimeUnit.SECONDS).until(() -> lastState.size() == TRACKERS);

        Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
        long started = System.nanoTime();
        long end = started + faultPhase.toNanos();
        // Drawn from a shuffled bag holding every kind once, so even the short CI run sees each kind of fault.
        List<Fault> bag = new ArrayList<>();
        while (System.nanoTime() < end) {
            if (bag.isEmpty()) {
                bag.addAll(List.of(Fault.values()));
                Collections.shuffle(bag, random);
            }
            Fault fault = bag.remove(bag.size() - 1);
            double at = (System.nanoTime() - started) / 1e9;
            String detail = inject(fault, random);
            injected.merge(fault, 1, Integer::sum);
            System.out.printf(Locale.ROOT, "  [%7.2f s] %-23s %s%n", at, fault, detail);
            // Most of the time the next fault waits for the feed to be back; sometimes it hits a reconnect in progress.
            if (random.nextInt(10) < 7) {
                awaitSubscribed(20);
            }
            dwell(150 + random.nextInt(900));
        }

        // ---- all faults end: the feed must come back and converge to the truth ----
        simulator.clearFaults();
        simulator.acceptConnections();
        simulator.slowWrites(Duration.ZERO);
        join(simulator.endSilence());
        awaitSubscribed(20);
        Map<Long, TrackerTruth> beforeLastStep = simulator.fleet();
        await("one more fleet step").atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> !simulator.fleet().equals(beforeLastStep));
        simulator.pauseFleet();
        long convergeStarted = System.nanoTime();
        await("every tracker converged to the simulator's truth").atMost(30, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> converged(simulator.fleet()) == TRACKERS);
        long convergeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - convergeStarted);
        sampleHeapNow();

        ConnectionSnapshot snapshot = navixyConsumer().getConnectionSnapshot();
        long consumerExchanges = navixyConsumer().getExchangeCount();
        Map<Long, TrackerTruth> truth = simulator.fleet();
        int converged = converged(truth);

        context.getRouteController().stopRoute(ROUTE_ID);
        routeStopped = true;
        await("nothing after stop").during(Duration.ofMillis(700)).atMost(3, TimeUnit.SECONDS)
                .until(() -> exchangesAfterStop.get() == 0);
        await("socket closed after stop").atMost(10, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);

        int faultsTotal = injected.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder();
        report.append("\n===== Navixy convergence figures =====\n");
        report.append(String.format(Locale.ROOT, "seed                         : %d%n", seed));
        report.append(String.format(Locale.ROOT, "fault phase                  : %d s%s%n", faultPhase.toSeconds(),
                soak.isEmpty() ? " (CI)" : " (soak, -Dnavixy.soak.minutes=" + soak + ")"));
        report.append(String.format(Locale.ROOT, "faults injected              : %d%n", faultsTotal));
        injected.forEach((kind, n) -> report.append(String.format(Locale.ROOT, "  %-26s : %d%n", kind, n)));
        report.append(String.format(Locale.ROOT, "reconnects (consumer)        : %d%n", snapshot.reconnects()));
        report.append(String.format(Locale.ROOT, "errors reported (consumer)   : %d (exception handler calls: %d)%n",
                snapshot.errors(), reportedErrors.get()));
        report.append(String.format(Locale.ROOT, "connections accepted / refused (simulator): %d / %d%n",
                simulator.connectionsAccepted(), simulator.connectionsRefused()));
        report.append(String.format(Locale.ROOT, "subscribes ok / refused (simulator)       : %d / %d%n",
                simulator.subscribeCount(), simulator.subscribeErrors()));
        report.append(String.format(Locale.ROOT, "frames / events (consumer)   : %d / %d%n", snapshot.frames(), snapshot.events()));
        report.append(String.format(Locale.ROOT, "Exchanges                    : %d (consumer counter %d)%n",
                exchanges.get(), consumerExchanges));
        report.append(String.format(Locale.ROOT, "trackers converged / total   : %d / %d (in %d ms after the last step)%n",
                converged, truth.size(), convergeMillis));
        report.append(String.format(Locale.ROOT, "most sockets open at once    : %d%n", simulator.maxOpenConnections()));
        report.append(String.format(Locale.ROOT, "Exchanges after stop         : %d%n", exchangesAfterStop.get()));
        report.append(String.format(Locale.ROOT, "max heap growth              : %.1f MiB (baseline %.1f MiB, at end %+.1f MiB)%n",
                mib(heapMax - heapBaseline), mib(heapBaseline), mib(heapLast - heapBaseline)));
        report.append("======================================\n");
        System.out.print(report);

        assertThat(converged).as("trackers converged").isEqualTo(TRACKERS);
        assertThat(truth).hasSize(TRACKERS);
        assertThat(simulator.maxOpenConnections()).as("most sockets open at once").isEqualTo(1);
        assertThat(exchangesAfterStop.get()).as("Exchanges after the route stopped").isZero();
        assertThat(snapshot.reconnects()).as("reconnects").isGreaterThan(0);
    }

    /** How many trackers' last state in the route equals the truth: lat/lng within 1e-6, speed equal. */
    private int converged(Map<Long, TrackerTruth> truth) {
        int n = 0;
        for (TrackerTruth t : truth.values()) {
            TrackerState state = lastState.get(t.sourceId());
            Gps gps = state == null ? null : state.gps();
            if (gps == null || gps.location() == null || gps.location().lat() == null || gps.location().lng() == null) {
                continue;
            }
            if (Math.abs(gps.location().lat() - t.lat()) <= 1e-6 && Math.abs(gps.location().lng() - t.lng()) <= 1e-6
                    && gps.speed() != null && gps.speed() == t.speed()) {
                n++;
            }
        }
        return n;
    }

    // ---- faults --------------------------------------------------------------------------------------------------------

    private String inject(Fault fault, Random random) throws Exception {
        switch (fault) {
            case ABRUPT_CLOSE -> {
                return "sockets dropped: " + join(simulator.dropConnections());
            }
            case CLOSE_FRAME -> {
                int code = random.nextBoolean() ? 1001 : 1011;
                return "close " + code + " sent to " + join(simulator.closeConnections(code, "convergence test"));
            }
            case REFUSE_503, REFUSE_ACCEPT_THEN_DROP -> {
                long millis = 300 + random.nextInt(1500);
                simulator.refuseConnections(Duration.ofMillis(millis), fault == Fault.REFUSE_ACCEPT_THEN_DROP);
                return "refusing for " + millis + " ms, sockets dropped: " + join(simulator.dropConnections());
            }
            case SILENCE -> {
                return silence(random);
            }
            case GARBAGE -> {
                String frame = GARBAGE[random.nextInt(GARBAGE.length)];
                return "garbage frame to " + join(simulator.sendRaw(frame)) + " socket(s): "
                        + frame.replaceAll("\\p{Cntrl}", "?");
            }
            case ERROR_6, ERROR_15 -> {
                int count = 1 + random.nextInt(2);
                int code = fault == Fault.ERROR_6 ? 6 : 15;
                simulator.failNextSubscribes(count, code);
                return "next " + count + " subscribe(s) get code " + code + ", sockets dropped: "
                        + join(simulator.dropConnections());
            }
            case SLOW_WRITES -> {
                long perFrame = 20 + random.nextInt(130);
                long window = 500 + random.nextInt(2000);
                simulator.slowWrites(Duration.ofMillis(perFrame));
                dwell(window);
                simulator.slowWrites(Duration.ZERO);
                return perFrame + " ms per frame for " + window + " ms";
            }
            case RESTART -> {
                long downtime = 50 + random.nextInt(800);
                join(simulator.restart(Duration.ofMillis(downtime)));
                return "restarted on port " + simulator.port() + " after " + downtime + " ms down";
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    /**
     * The server goes silent (no frames, no pongs, nothing read): only the consumer's idle timeout can notice. The
     * silenced socket is never closed by the server on its own (it reads nothing, not even the client's close frame or
     * FIN), so new connections are refused until the consumer has given up on it and the server has let it go; this
     * keeps "most sockets open at once" about overlapping live connections, not about a zombie the client abandoned.
     */
    private String silence(Random random) throws Exception {
        awaitSubscribed(20);
        long before = reconnects();
        simulator.refuseConnections();
        long started = System.nanoTime();
        int silenced = join(simulator.silenceConnections());
        await("idle timeout noticed the silent server").atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> reconnects() > before);
        long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        dwell(random.nextInt(300));
        join(simulator.endSilence());
        await("silenced socket released").atMost(15, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        simulator.acceptConnections();
        return silenced + " socket(s) silenced, idle detected after " + detectedMillis + " ms";
    }
}
