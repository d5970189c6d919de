package io.github.camelnavixy.examples.ha;

import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same {@code master:} route over the multi-host cluster service, ZooKeeper (camel-zookeeper's
 * {@link ZooKeeperClusterService}), against Curator's in-process ZooKeeper server: two nodes (CamelContexts in this
 * JVM, each with its own ZooKeeper session), exactly one subscribed; the leader leaves, the other subscribes; the node
 * that left comes back and stays passive.
 */
class ZooKeeperClusterTest {

    private TestingServer zooKeeper;
    private NavixySimulator simulator;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingServer(true);
        simulator = NavixySimulator.builder().fleetSize(5).tickInterval(Duration.ofMillis(100))
                .defaultRateLimit(Duration.ofMillis(200)).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext context : contexts) {
            context.close();
        }
        simulator.close();
        zooKeeper.close();
    }

    /** A node: a CamelContext with a ZooKeeper cluster service and the master: route, counting its Exchanges. */
    private CamelContext node(String name, AtomicLong exchanges) throws Exception {
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId("zookeeper");
        cluster.setNodes(zooKeeper.getConnectString());
        cluster.setBasePath("/camel/navixy");
        cluster.setSessionTimeout(5, TimeUnit.SECONDS);
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.addService(cluster);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:navixy:navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl="
                        + simulator.webSocketUrl())
                        .routeId("fleet")
                        .process(e -> exchanges.incrementAndGet());
            }
        });
        context.start();
        contexts.add(context);
        return context;
    }

    @Test
    void oneNodeSubscribesAndTheOtherTakesOverWhenTheLeaderLeaves() throws Exception {
        AtomicLong a = new AtomicLong();
        AtomicLong b = new AtomicLong();
        CamelContext nodeA = node("node-a", a);
        CamelContext nodeB = node("node-b", b);
        await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() == 1
                && (a.get() > 0 || b.get() > 0));
        boolean aLeads = a.get() > 0;
        CamelContext leader = aLeads ? nodeA : nodeB;
        AtomicLong followerCount = aLeads ? b : a;
        assertThat(followerCount.get()).as("the follower delivers nothing").isZero();

        long subscribes = simulator.subscribeCount();
        var next = simulator.awaitSubscribes(subscribes + 1);
        long left = System.nanoTime();
        leader.stop(); // leaves: unsubscribes, and its ZooKeeper session ends with it
        next.get(30, TimeUnit.SECONDS);
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left);
        await().atMost(10, TimeUnit.SECONDS).until(() -> followerCount.get() > 0);

        AtomicLong back = new AtomicLong();
        node(aLeads ? "node-a-again" : "node-b-again", back);
        await().during(2, TimeUnit.SECONDS).atMost(5, TimeUnit.SECONDS)
                .until(() -> simulator.activeSubscriptions() == 1 && back.get() == 0);

        System.out.printf("%n===== master: over ZooKeeperClusterService =====%n");
        System.out.printf("leader left (context stop) -> next subscribe : %d ms%n", takeoverMillis);
        System.out.printf("most sockets at once                         : %d%n", simulator.maxOpenConnections());
        assertThat(simulator.maxOpenConnections()).isEqualTo(1);
    }
}
