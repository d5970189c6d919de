package io.github.camelnavixy.examples.ha;

import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.util.concurrent.TimeUnit;

/**
 * One node of a highly available Navixy feed. Run the same class in several JVMs (on one host or on hosts that share
 * a file system) with the same lock directory: all of them start the route, but the {@code master:} component lets
 * only the leader of the namespace {@code navixy} run its consumer, so the account has exactly one subscription. When
 * the leader dies, its lock is freed and its heartbeat stops; another node takes the lock and subscribes.
 *
 * <p>Arguments: {@code LOCK_DIR WEBSOCKET_URL API_KEY [NODE_NAME]}. Optional system properties:
 * {@code navixy.ha.lockInterval} (ms, default 1000) and {@code navixy.ha.heartbeatMultiplier} (default 2).
 *
 * <p>It prints one line per leadership change and per tracker state, for people and for {@code HaFailoverTest}:
 * <pre>
 * LEADER node-a true
 * STATE node-a 9001004 14.6481393 -90.4757434 42
 * </pre>
 */
public final class HaNode {

    private HaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HaNode LOCK_DIR WEBSOCKET_URL API_KEY [NODE_NAME]");
            System.exit(2);
        }
        String lockDir = args[0];
        String webSocketUrl = args[1];
        String apiKey = args[2];
        String node = args.length > 3 ? args[3] : "node-" + ProcessHandle.current().pid();
        long lockInterval = Long.getLong("navixy.ha.lockInterval", 1000L);
        int heartbeatMultiplier = Integer.getInteger("navixy.ha.heartbeatMultiplier", 2);

        Main main = new Main();
        main.configure().setName(node);
        // The API key is a property, not part of a logged URI.
        main.addInitialProperty("navixy.apiKey", apiKey);
        main.addInitialProperty("navixy.webSocketUrl", webSocketUrl);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(org.apache.camel.main.BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                try {
                    context.addService(clusterService(lockDir, lockInterval, heartbeatMultiplier));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the cluster service", e);
                }
            }

            @Override
            public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                printLeadershipChanges(m.getCamelContext(), node);
            }
        });
        main.configure().addRoutesBuilder(new FleetRoute(node));
        main.run();
    }

    /**
     * Leadership through a lock file in {@code lockDir}. The leader rewrites its heartbeat in the lock directory every
     * {@code lockInterval}; the others read it as often and try the lock once the heartbeat has not moved for
     * {@code lockInterval x heartbeatMultiplier}. So a dead leader is replaced after about
     * {@code lockInterval x (heartbeatMultiplier + 1)} at most, plus the new consumer's connect and subscribe.
     */
    static FileLockClusterService clusterService(String lockDir, long lockInterval, int heartbeatMultiplier) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId("navixy-file-lock");
        service.setRoot(lockDir);
        service.setAcquireLockDelay(lockInterval, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(lockInterval, TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(heartbeatMultiplier);
        return service;
    }

    private static void printLeadershipChanges(CamelContext context, String node) {
        try {
            FileLockClusterService service = context.hasService(FileLockClusterService.class);
            CamelClusterView view = service.getView(FleetRoute.NAMESPACE);
            view.addEventListener((CamelClusterEventListener.Leadership)
                    (v, leader) -> System.out.println("LEADER " + node + " " + v.getLocalMember().isLeader()));
            System.out.println("LEADER " + node + " " + view.getLocalMember().isLeader()); // taken before we listened?
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch the cluster view", e);
        }
    }

    /** The route every node runs; only the leader's consumer is started. */
    static final class FleetRoute extends RouteBuilder {

        static final String NAMESPACE = "navixy";
        private final String node;

        FleetRoute(String node) {
            this.node = node;
        }

        @Override
        public void configure() {
            from("master:" + NAMESPACE + ":navixy:state_batch?apiKey={{navixy.apiKey}}"
                    + "&webSocketUrl={{navixy.webSocketUrl}}")
                    .routeId("fleet")
                    .filter(simple("${header.CamelNavixyEventType} == 'state_batch'"))
                    .process(exchange -> {
                        TrackerState s = exchange.getMessage().getBody(TrackerState.class);
                        System.out.println("STATE " + node + " " + s.sourceId() + " " + s.gps().location().lat()
                                + " " + s.gps().location().lng() + " " + s.gps().speed());
                    });
        }
    }
}
