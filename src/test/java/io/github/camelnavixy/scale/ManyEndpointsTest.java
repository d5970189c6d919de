package io.github.camelnavixy.scale;

import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 {@code navixy:} endpoints, each with an API key of its own, in one CamelContext against one simulator: what a
 * consumer costs (threads, heap), how a reconnect storm after a server restart spreads out, and that a stop lets go of
 * everything. Prints its figures (docs/reliability.md, "Many endpoints in one JVM"); asserts only generous bounds.
 */
class ManyEndpointsTest {

    private static final int ENDPOINTS = 200;

    private NavixySimulator simulator;
    private CamelContext context;
    private final List<String> keys = new ArrayList<>();
    /** Exchanges per endpoint index: every endpoint must deliver, not only subscribe. */
    private final ConcurrentHashMap<Integer, AtomicLong> exchanges = new ConcurrentHashMap<>();

    @BeforeEach
    void startSimulator() {
        // A small fleet ticking once a second: the test is about connections, not event volume.
        simulator = NavixySimulator.builder().fleetSize(5).tickInterval(Duration.ofMillis(1000))
                .defaultRateLimit(Duration.ofMillis(1000)).build().start();
        for (int i = 0; i < ENDPOINTS; i++) {
            String key = String.format("%032x", 0xA000_0000L + i);
            simulator.addApiKey(key);
            keys.add(key);
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        if (context != null) {
            context.close();
        }
        simulator.close();
    }

    private void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ENDPOINTS; i++) {
                    int index = i;
                    exchanges.put(index, new AtomicLong());
                    from("navixy:state_batch?apiKey=" + keys.get(i) + "&webSocketUrl=" + simulator.webSocketUrl())
                            .routeId("account-" + i)
                            .process(e -> exchanges.get(index).incrementAndGet());
                }
            }
        });
        context.start();
    }

    private void awaitAllSubscribed() {
        await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() == ENDPOINTS);
    }

    private static Set<Thread> componentThreads(Set<Thread> baseline) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !baseline.contains(t))
                .collect(Collectors.toSet());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoHundredAccountsAllSubscribeAndDeliverOnOneSocketEach() throws Exception {
        Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();

        startContext();
        long contextStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        awaitAllSubscribed();
        long subscribedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> exchanges.values().stream().allMatch(count -> count.get() > 0));

        Set<Thread> threads = componentThreads(baseline);
        long workers = threads.stream().filter(t -> t.getName().contains("NavixyConsumer")).count();
        long eventLoops = threads.stream().filter(t -> t.getName().startsWith("vert.x-eventloop")).count();
        long heapAfter = usedHeapAfterGc();
        System.out.printf("%n===== %d Navixy endpoints in one CamelContext =====%n", ENDPOINTS);
        System.out.printf("context started after       : %d ms; all subscribed after %d ms%n", contextStartMillis,
                subscribedMillis);
        System.out.printf("open sockets (simulator)    : %d%n", simulator.openConnections());
        System.out.printf("new threads                 : %d (consumer workers %d, Vert.x event loops %d, other %d)%n",
                threads.size(), workers, eventLoops, threads.size() - workers - eventLoops);
        System.out.printf("heap used, after GC hint    : %d KiB before, %d KiB after: %d KiB per endpoint%n",
                heapBefore / 1024, heapAfter / 1024, (heapAfter - heapBefore) / 1024 / ENDPOINTS);

        assertThat(simulator.openConnections()).isEqualTo(ENDPOINTS);
        assertThat(simulator.maxOpenConnections()).isEqualTo(ENDPOINTS);
        assertThat(workers).isEqualTo(ENDPOINTS); // one worker per consumer, as designed
    }

    @Test
    void reconnectStormAfterAServerRestartIsSpreadByTheJitteredBackoff() throws Exception {
        startContext();
        awaitAllSubscribed();
        long acceptedBefore = simulator.connectionsAccepted();

        // Sample the simulator's accept counter every 10 ms to see how the reconnects spread over time.
        List<long[]> samples = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            synchronized (samples) {
                samples.add(new long[] {System.nanoTime() - t0, simulator.connectionsAccepted() - acceptedBefore});
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        try {
            simulator.restart(Duration.ofMillis(300)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() == ENDPOINTS);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        }
        long allBackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        List<long[]> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        long maxIn100ms = maxInWindow(copy, TimeUnit.MILLISECONDS.toNanos(100));
        long firstMillis = copy.stream().filter(s -> s[1] > 0).mapToLong(s -> s[0]).min().orElse(-1) / 1_000_000;
        System.out.printf("%n===== reconnect storm: %d endpoints, server restart with 300 ms down =====%n", ENDPOINTS);
        System.out.printf("first reconnect accepted    : %d ms after the restart began%n", firstMillis);
        System.out.printf("all %d subscribed again    : %d ms after the restart began%n", ENDPOINTS, allBackMillis);
        System.out.printf("most accepts in any 100 ms  : %d (reconnectDelay=1s: waits drawn from [0.5 s, 1 s])%n",
                maxIn100ms);
        System.out.printf("accepted / refused in total : %d / %d%n",
                simulator.connectionsAccepted() - acceptedBefore, simulator.connectionsRefused());

        // Generous: with no jitter all 200 would come in the same few milliseconds.
        assertThat(maxIn100ms).isLessThan(ENDPOINTS / 2);
        assertThat(simulator.activeSubscriptions()).isEqualTo(ENDPOINTS);
    }

    @Test
    void stoppingTheContextClosesEverySocketAndEndsEveryThread() throws Exception {
        Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
        startContext();
        awaitAllSubscribed();
        assertThat(componentThreads(baseline)).isNotEmpty();

        long started = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> componentThreads(baseline).stream()
                .noneMatch(t -> t.getName().contains("NavixyConsumer") || t.getName().startsWith("vert.x-")));
        long unsubscribes = simulator.receivedRequests().stream()
                .filter(r -> "unsubscribe".equals(r.path("action").asText())).count();
        System.out.printf("%n===== stop of %d endpoints =====%n", ENDPOINTS);
        System.out.printf("context.stop() took         : %d ms; unsubscribes received: %d%n", stopMillis, unsubscribes);
        assertThat(simulator.activeSubscriptions()).isZero();
    }

    /** The largest rise of a cumulative counter within any window of {@code windowNanos}. */
    private static long maxInWindow(List<long[]> samples, long windowNanos) {
        long max = 0;
        int start = 0;
        for (int end = 0; end < samples.size(); end++) {
            while (samples.get(end)[0] - samples.get(start)[0] > windowNanos) {
                start++;
            }
            max = Math.max(max, samples.get(end)[1] - samples.get(start)[1]);
        }
        return max;
    }
}
