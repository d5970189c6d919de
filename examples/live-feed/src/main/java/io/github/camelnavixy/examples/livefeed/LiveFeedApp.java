package io.github.camelnavixy.examples.livefeed;

import io.github.camelnavixy.examples.livefeed.page.FleetPageRoutes;
import io.github.camelnavixy.examples.livefeed.page.FleetPageSettings;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.vertx.core.Vertx;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LiveFeedRoutes} until Ctrl+C.
 *
 * <p>With a Navixy API key ({@code -Dnavixy.apiKey=...} or the environment variable {@code NAVIXY_API_KEY}) it reads
 * your account's live feed; set {@code NAVIXY_BASE_URL} (or {@code -Dnavixy.baseUrl}) when your account is not on
 * {@code https://api.eu.navixy.com/v2}. Without a key it starts the simulator that ships with camel-navixy and reads
 * a simulated fleet instead. With {@code -Dcamel.main.routesIncludePattern=classpath:routes/speeding.camel.yaml} (or
 * {@code .xml}) that route runs instead of {@link LiveFeedRoutes}. With {@code -Dnavixy.demo.faults=true} the simulator
 * drops every connection now and then, to show the consumer reconnecting and subscribing again.
 *
 * <p>It also serves the live fleet page ({@link FleetPageRoutes}) and prints its address: port 8080 by default (any
 * free port when that is taken), {@code -Dnavixy.demo.port=PORT} to choose one, {@code -Dnavixy.demo.page=false} for
 * none.
 */
public final class LiveFeedApp {

    /** {@code -Dnavixy.demo.page=false} runs without the fleet page. */
    public static final String PAGE_PROPERTY = "navixy.demo.page";

    private LiveFeedApp() {
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs inside Maven, and "mvn -q" turns every slf4j-simple logger down to ERROR: the events are INFO.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        String apiKey = setting("navixy.apiKey", "NAVIXY_API_KEY");
        String baseUrl = setting("navixy.baseUrl", "NAVIXY_BASE_URL");

        Main main = new Main();
        NavixySimulator simulator = null;
        ScheduledExecutorService lifecycleDemo = null;
        if (apiKey == null) {
            simulator = NavixySimulator.builder()
                    .fleetSize(8)
                    .tickInterval(Duration.ofSeconds(1))
                    .simulatedTimePerTick(Duration.ofSeconds(2)) // double speed: something happens every few seconds
                    .build()
                    .start();
            apiKey = simulator.apiKey();
            baseUrl = simulator.baseUrl();
            lifecycleDemo = blockAndUnblockNowAndThen(simulator);
            if (Boolean.getBoolean("navixy.demo.faults")) {
                NavixySimulator faulty = simulator;
                lifecycleDemo.scheduleAtFixedRate(faulty::dropConnections, 25, 25, TimeUnit.SECONDS);
                System.out.println("Fault demo: the simulator drops every connection each 25 s");
            }
            System.out.println("No NAVIXY_API_KEY set: reading a simulated fleet of " + simulator.trackerIds().size()
                    + " trackers at " + simulator.webSocketUrl());
        }
        main.addProperty("navixy.apiKey", apiKey);
        if (baseUrl != null) {
            // The WebSocket URL is derived from the REST base: http(s) -> ws(s), plus /event/subscription.
            main.addProperty("camel.component.navixy.baseUrl", baseUrl);
        }
        // One Vert.x for the navixy component and the page's HTTP server (both take the registry's single Vertx).
        Vertx vertx = Vertx.vertx();
        main.bind("vertx", vertx);
        if (System.getProperty("camel.main.routesIncludePattern") == null) {
            if (Boolean.parseBoolean(System.getProperty(PAGE_PROPERTY, "true"))) {
                FleetPageRoutes page = new FleetPageRoutes(FleetPageSettings.fromSystem());
                main.configure().addRoutesBuilder(page);
                main.configure().addRoutesBuilder(new LiveFeedRoutes(FleetPageRoutes.TAP_URI));
                main.addMainListener(new MainListenerSupport() {
                    @Override
                    public void afterStart(BaseMainSupport started) {
                        System.out.println("Fleet page: " + page.url() + " (live map of the fleet; -D"
                                + FleetPageSettings.PORT_PROPERTY + "=PORT to change the port)");
                    }
                });
            } else {
                main.configure().addRoutesBuilder(new LiveFeedRoutes());
            }
        } // else the YAML or XML route named there runs instead (the fleet page is fed by the Java route only)
        System.out.println("Printing live Navixy events; press Ctrl+C to stop.");
        try {
            main.run(args);
        } finally {
            vertx.close();
            if (lifecycleDemo != null) {
                lifecycleDemo.shutdownNow();
            }
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** Simulator only: blocks a tracker now and then and unblocks it again, so lifecycle events show up too. */
    private static ScheduledExecutorService blockAndUnblockNowAndThen(NavixySimulator simulator) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lifecycle-demo");
            thread.setDaemon(true);
            return thread;
        });
        List<Long> ids = simulator.trackerIds();
        long tracker = ids.get(ids.size() - 1);
        timer.scheduleAtFixedRate(() -> simulator.lifecycle(tracker, "block"), 8, 20, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(() -> simulator.lifecycle(tracker, "unblock"), 14, 20, TimeUnit.SECONDS);
        return timer;
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
