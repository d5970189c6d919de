package io.github.camelnavixy.examples.ha;

import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.simulator.TrackerTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two {@link HaNode} JVMs over one lock directory against the simulator (in this JVM). Exactly one subscribes; five
 * times the leader is killed with kill -9, the other takes over and converges to the fleet's truth, and the killed
 * node comes back and stays passive. Takeover is measured on the simulator's side: from the kill to the next
 * successful subscribe. Prints the figures of docs/reliability.md ("High availability").
 */
class HaFailoverTest {

    private static final int KILLS = 5;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int FLEET = 8;

    @TempDir
    Path lockDir;

    private NavixySimulator simulator;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private ScheduledExecutorService sampler;
    /** Samples of the simulator's active subscriptions that found more than one. */
    private final AtomicLong duplicateSamples = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicInteger mostSubscriptions = new AtomicInteger();

    @BeforeEach
    void start() {
        simulator = NavixySimulator.builder().fleetSize(FLEET).tickInterval(TICK)
                .defaultRateLimit(Duration.ofMillis(200)).build().start();
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            int active = simulator.activeSubscriptions();
            samples.incrementAndGet();
            mostSubscriptions.accumulateAndGet(active, Math::max);
            if (active > 1) {
                duplicateSamples.incrementAndGet();
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        sampler.shutdownNow();
        simulator.close();
    }

    private NodeProcess startNode(String name) throws Exception {
        NodeProcess node = NodeProcess.start(name, lockDir, simulator.webSocketUrl(), simulator.apiKey());
        nodes.add(node);
        return node;
    }

    private NodeProcess awaitLeader(NodeProcess... candidates) {
        await().atMost(60, TimeUnit.SECONDS)
                .failFast("a node died", () -> !List.of(candidates).stream().allMatch(NodeProcess::isAlive))
                .until(() -> {
            long leaders = List.of(candidates).stream().filter(NodeProcess::isLeader).count();
            return leaders == 1 && simulator.activeSubscriptions() == 1;
        });
        return List.of(candidates).stream().filter(NodeProcess::isLeader).findFirst().orElseThrow();
    }

    /** Pauses the fleet and waits until {@code node}'s last state of every tracker is the simulator's truth. */
    private long awaitConvergence(NodeProcess node) {
        simulator.pauseFleet();
        long started = System.nanoTime();
        try {
            await().atMost(20, TimeUnit.SECONDS).until(() -> simulator.fleet().values().stream()
                    .allMatch(truth -> matches(node, truth)));
        } finally {
            simulator.resumeFleet();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static boolean matches(NodeProcess node, TrackerTruth truth) {
        NodeProcess.LastState s = node.states().get(truth.sourceId());
        return s != null && Math.abs(s.lat() - truth.lat()) < 1e-6 && Math.abs(s.lng() - truth.lng()) < 1e-6
                && s.speed() == truth.speed();
    }

    @Test
    void oneNodeSubscribesAndAKilledLeaderIsReplacedWhileTheRestartedNodeStaysPassive() throws Exception {
        NodeProcess a = startNode("node-a-0");
        NodeProcess b = startNode("node-b-0");
        NodeProcess leader = awaitLeader(a, b);
        NodeProcess follower = leader == a ? b : a;
        await().atMost(30, TimeUnit.SECONDS).until(follower::hasReported);
        awaitConvergence(leader);
        assertThat(follower.stateLines()).as("the follower delivers nothing").isZero();

        List<Long> takeovers = new ArrayList<>();
        List<Long> convergences = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long subscribesBefore = simulator.subscribeCount();
            var nextSubscribe = simulator.awaitSubscribes(subscribesBefore + 1);
            long killedAt = System.nanoTime();
            leader.kill();
            nextSubscribe.get(60, TimeUnit.SECONDS);
            long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            takeovers.add(takeoverMillis);

            NodeProcess survivor = follower;
            NodeProcess newLeader = awaitLeader(survivor);
            convergences.add(awaitConvergence(newLeader));
            System.out.printf("kill %d: %s killed, %s subscribed %d ms later%n", kill, leader.name(), newLeader.name(),
                    takeoverMillis);

            // The killed node comes back under a new name and must stay passive: no subscription, no Exchange.
            NodeProcess restarted = startNode(leader.name().replaceAll("-\\d+$", "") + "-" + kill);
            await().atMost(60, TimeUnit.SECONDS).until(restarted::hasReported);
            await().during(2, TimeUnit.SECONDS).atMost(5, TimeUnit.SECONDS)
                    .until(() -> simulator.activeSubscriptions() == 1 && !restarted.isLeader()
                            && restarted.stateLines() == 0);
            leader = newLeader;
            follower = restarted;
        }

        List<Long> sorted = takeovers.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("%n===== HA takeover: master: over FileLockClusterService (interval 1 s, multiplier 2) =====%n");
        System.out.printf("takeovers (kill -9 -> next subscribe) : %s ms%n", takeovers);
        System.out.printf("takeover median / max                 : %d / %d ms%n", median, max);
        System.out.printf("convergence after takeover            : %s ms (fleet paused, %d trackers)%n", convergences,
                FLEET);
        System.out.printf("tracker updates lost per takeover     : ~%d (%d trackers x one step every %d ms, for the "
                + "median takeover; the snapshot restores their state)%n", FLEET * median / TICK.toMillis(), FLEET,
                TICK.toMillis());
        System.out.printf("samples with more than 1 subscription : %d of %d (most at once %d); most sockets at once %d%n",
                duplicateSamples.get(), samples.get(), mostSubscriptions.get(), simulator.maxOpenConnections());

        assertThat(takeovers).hasSize(KILLS);
        assertThat(duplicateSamples.get()).isZero();
        assertThat(simulator.maxOpenConnections()).isEqualTo(1);
    }
}
