package io.github.camelnavixy.examples.livefeed.page;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.examples.livefeed.LiveFeedRoutes;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet page's server without a browser: the page and its script are served, and {@code /events} streams the
 * fleet and the consumer's connection as server-sent events.
 */
class FleetPageRoutesTest {

    private static final int FLEET_SIZE = 4;
    private static final Pattern TRACKER = Pattern.compile("^data: \\{\"sourceId\":(\\d+),\"lat\":-?\\d");

    private final HttpClient http = HttpClient.newHttpClient();
    private NavixySimulator simulator;
    private Vertx vertx;
    private CamelContext context;
    private String url;

    @BeforeEach
    void startFleetPage() throws Exception {
        simulator = NavixySimulator.builder().fleetSize(FLEET_SIZE).tickInterval(Duration.ofMillis(100)).build().start();
        vertx = Vertx.vertx();
        context = new DefaultCamelContext();
        context.getRegistry().bind("vertx", vertx);
        context.getPropertiesComponent().addInitialProperty("navixy.apiKey", simulator.apiKey());
        context.getComponent("navixy", NavixyComponent.class).getConfiguration().setBaseUrl(simulator.baseUrl());
        FleetPageRoutes page = new FleetPageRoutes(FleetPageSettings.anyFreePort());
        context.addRoutes(page);
        context.addRoutes(new LiveFeedRoutes(FleetPageRoutes.TAP_URI));
        context.start();
        url = page.url();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void servesThePageWithItsCanvasAndScript() throws Exception {
        HttpResponse<String> page = get("");
        HttpResponse<String> script = get("fleet-page.js");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<canvas id=\"fleet-canvas\""), "the page has the map canvas");
        assertTrue(page.body().contains("<script src=\"fleet-page.js\">"), "the page loads its script");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("new EventSource('events')"), "the script reads the event stream");
    }

    @Test
    void streamsEveryTrackerAndTheSubscribedConnection() throws Exception {
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(url + "events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, events.statusCode());
        assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

        Set<Long> fleet = new HashSet<>(simulator.sourceIds().values());
        Set<Long> seen = new HashSet<>();
        boolean[] subscribed = {false};
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher tracker = TRACKER.matcher(line);
                    if (tracker.find()) {
                        seen.add(Long.valueOf(tracker.group(1)));
                    }
                    if (line.startsWith("data: {\"routeId\":\"live-feed\",\"state\":\"SUBSCRIBED\"")) {
                        subscribed[0] = true;
                    }
                    if (subscribed[0] && seen.containsAll(fleet)) {
                        return;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reading.get(45, TimeUnit.SECONDS);

        assertEquals(fleet, seen, "a position for every tracker of the fleet");
        assertTrue(subscribed[0], "the consumer's connection, subscribed");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
