package io.github.camelnavixy.examples.livefeed.page;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.examples.livefeed.LiveFeedRoutes;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fleet page in a real browser (headless Chromium over the DevTools protocol) against the simulator: what the
 * page shows is read from its DOM (a row with data attributes per tracker, the connection state text, the alert list)
 * and from screenshots.
 *
 * <p>Without a Chromium binary the tests are skipped; with {@code -Dnavixy.test.requireBrowser=true} (CI) that is a
 * failure instead. Screenshots go to {@code target/fleet-page/}.
 */
class FleetPageBrowserTest {

    /** Makes a missing browser a failure instead of a skip. */
    static final String REQUIRE_BROWSER_PROPERTY = "navixy.test.requireBrowser";
    private static final int FLEET_SIZE = 6;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Path OUTPUT = Path.of("target", "fleet-page");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Everything the test reads off the page in one go, from the DOM. */
    private static final String READ_PAGE = """
            (() => {
              const number = text => text === '' || text === undefined ? null : Number(text);
              const canvas = document.getElementById('fleet-canvas');
              return {
                drawn: window.fleet ? window.fleet.drawn : 0,
                width: canvas.clientWidth,
                height: canvas.clientHeight,
                connectionState: document.getElementById('connection-state').textContent,
                lastError: document.getElementById('connection-error').textContent,
                reconnects: number(document.getElementById('connection-reconnects').textContent),
                stream: document.getElementById('stream-state').textContent,
                markers: [...document.querySelectorAll('#trackers tr[data-source-id]')].map(row => ({
                  sourceId: number(row.dataset.sourceId), lat: number(row.dataset.lat), lng: number(row.dataset.lng),
                  x: number(row.dataset.x), y: number(row.dataset.y), speed: number(row.dataset.speed),
                  lifecycle: row.dataset.lifecycle, text: row.textContent })),
                alerts: [...document.querySelectorAll('#alerts li[data-source-id]')].map(item => ({
                  sourceId: number(item.dataset.sourceId), speed: number(item.dataset.speed) }))
              };
            })()""";

    private static HeadlessChromium browser;
    private static String skipReason;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private NavixySimulator simulator;
    private Vertx vertx;
    private CamelContext context;
    private DevToolsSession page;

    record Marker(long sourceId, Double lat, Double lng, Double x, Double y, Integer speed, String lifecycle, String text) {
        boolean drawnWithin(double width, double height) {
            return x != null && y != null && x >= 0 && x <= width && y >= 0 && y <= height;
        }
    }

    record Alert(long sourceId, int speed) {
    }

    record PageState(int drawn, double width, double height, String connectionState, String lastError, int reconnects,
                     String stream,
                     List<Marker> markers, List<Alert> alerts) {
        Map<Long, Marker> bySource() {
            return markers.stream().collect(Collectors.toMap(Marker::sourceId, Function.identity()));
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> binary = HeadlessChromium.find();
        if (binary.isEmpty()) {
            String missing = "No Chromium found (looked for " + HeadlessChromium.lookedFor() + ")";
            if (Boolean.getBoolean(REQUIRE_BROWSER_PROPERTY)) {
                fail(missing + ", and -D" + REQUIRE_BROWSER_PROPERTY + "=true makes that a failure."
                        + " Install it with: apt-get install -y chromium");
            }
            skipReason = missing + ": the fleet page browser tests are skipped."
                    + " Install Debian's chromium (apt-get install -y chromium) to run them.";
            System.out.println("SKIPPED " + FleetPageBrowserTest.class.getSimpleName() + ": " + skipReason);
            return;
        }
        Files.createDirectories(OUTPUT);
        browser = HeadlessChromium.launch(binary.get(), WIDTH, HEIGHT, OUTPUT.resolve("chromium.log"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPageOnSimulatedFleet() throws Exception {
        Assumptions.assumeTrue(browser != null, skipReason);
        simulator = NavixySimulator.builder().fleetSize(FLEET_SIZE).tickInterval(Duration.ofMillis(100)).build().start();
        vertx = Vertx.vertx();
        context = new DefaultCamelContext();
        context.getRegistry().bind("vertx", vertx); // the navixy component and the page's server share it, as in LiveFeedApp
        context.getPropertiesComponent().addInitialProperty("navixy.apiKey", simulator.apiKey());
        context.getComponent("navixy", NavixyComponent.class).getConfiguration().setBaseUrl(simulator.baseUrl());
        FleetPageRoutes fleetPage = new FleetPageRoutes(FleetPageSettings.anyFreePort());
        context.addRoutes(fleetPage);
        context.addRoutes(new LiveFeedRoutes(FleetPageRoutes.TAP_URI));
        context.start();
        page = browser.page();
        page.navigate(fleetPage.url());
    }

    @AfterEach
    void stopFleet() {
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
    void drawsEveryTrackerOfTheFleetOnTheCanvas() {
        PageState shown = awaitPage("every tracker drawn", this::wholeFleetDrawn);

        Set<Long> fleet = new HashSet<>(simulator.sourceIds().values());
        assertEquals(fleet, shown.bySource().keySet(), "one marker per tracker of the simulator");
        for (Marker marker : shown.markers()) {
            assertTrue(marker.drawnWithin(shown.width(), shown.height()),
                    "marker inside the " + shown.width() + "x" + shown.height() + " canvas: " + marker);
            assertTrue(marker.text().contains(marker.speed() + ""), "speed shown for " + marker);
        }
    }

    @Test
    void markersMoveBetweenTwoScreenshotsTakenSecondsApart() throws IOException {
        PageState first = awaitPage("every tracker drawn", this::wholeFleetDrawn);
        byte[] before = page.screenshot();

        PageState second = await("a marker moved").pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE)
                .until(this::readPage, now -> !moved(first, now).isEmpty());
        byte[] after = page.screenshot();
        Files.write(OUTPUT.resolve("before.png"), before);
        Files.write(OUTPUT.resolve("after.png"), after);

        List<Long> moved = moved(first, second);
        assertFalse(moved.isEmpty(), "some marker moved on the canvas");
        assertPng(before);
        assertPng(after);
        assertFalse(Arrays.equals(before, after), "the second screenshot differs from the first");
    }

    @Test
    void showsTheConsumerSubscribed() {
        PageState shown = awaitPage("connection state SUBSCRIBED", now -> "SUBSCRIBED".equals(now.connectionState()));

        assertEquals("open", shown.stream(), "the page's event stream is open");
        assertEquals("none", shown.lastError(), "no connection error yet");
    }

    @Test
    void showsReconnectingWithTheLastErrorThenSubscribedAgain() {
        awaitPage("connection state SUBSCRIBED", now -> "SUBSCRIBED".equals(now.connectionState()));

        simulator.refuseConnections();
        simulator.dropConnections();
        PageState down = awaitPage("the consumer waiting to reconnect, with an error",
                now -> "WAITING_TO_RECONNECT".equals(now.connectionState()) && !"none".equals(now.lastError()));
        simulator.acceptConnections();
        PageState back = awaitPage("the consumer subscribed again", now -> "SUBSCRIBED".equals(now.connectionState()));

        assertFalse(down.lastError().isBlank(), "the last error is shown");
        assertTrue(back.reconnects() >= 1, "reconnects counted: " + back.reconnects());
    }

    @Test
    void marksBlockedTracker() {
        awaitPage("every tracker drawn", this::wholeFleetDrawn);
        long tracker = simulator.trackerIds().get(0);
        long source = simulator.sourceIdOf(tracker);

        simulator.lifecycle(tracker, "block");

        Marker blocked = awaitMarker(source, marker -> "block".equals(marker.lifecycle()));
        assertTrue(blocked.text().contains("BLOCKED"), "the tracker's row says BLOCKED: " + blocked.text());
    }

    @Test
    void marksRemovedTracker() {
        awaitPage("every tracker drawn", this::wholeFleetDrawn);
        long tracker = simulator.trackerIds().get(1);
        long source = simulator.sourceIdOf(tracker);

        simulator.lifecycle(tracker, "corrupt");

        Marker removed = awaitMarker(source, marker -> "corrupt".equals(marker.lifecycle()));
        assertTrue(removed.text().contains("REMOVED"), "the tracker's row says REMOVED: " + removed.text());
    }

    @Test
    void listsSpeedingAlerts() {
        PageState shown = awaitPage("a speeding alert", now -> !now.alerts().isEmpty());

        Set<Long> fleet = new HashSet<>(simulator.sourceIds().values());
        for (Alert alert : shown.alerts()) {
            assertTrue(alert.speed() > 80, "alert over the limit: " + alert);
            assertTrue(fleet.contains(alert.sourceId()), "alert for a tracker of the fleet: " + alert);
        }
    }

    private boolean wholeFleetDrawn(PageState now) {
        return now.drawn() == FLEET_SIZE && now.markers().size() == FLEET_SIZE
                && now.markers().stream().allMatch(marker -> marker.drawnWithin(now.width(), now.height()));
    }

    /** Trackers whose position and place on the canvas both changed. */
    private static List<Long> moved(PageState first, PageState now) {
        Map<Long, Marker> then = first.bySource();
        return now.markers().stream()
                .filter(marker -> {
                    Marker before = then.get(marker.sourceId());
                    return before != null && marker.lat() != null && before.lat() != null
                            && (!marker.lat().equals(before.lat()) || !marker.lng().equals(before.lng()))
                            && (!marker.x().equals(before.x()) || !marker.y().equals(before.y()));
                })
                .map(Marker::sourceId)
                .toList();
    }

    private PageState awaitPage(String what, Predicate<PageState> condition) {
        return await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(this::readPage, condition::test);
    }

    private Marker awaitMarker(long source, Predicate<Marker> condition) {
        return awaitPage("tracker " + source + " marked", now -> {
            Marker marker = now.bySource().get(source);
            return marker != null && condition.test(marker);
        }).bySource().get(source);
    }

    private PageState readPage() throws IOException {
        JsonNode value = page.evaluate(READ_PAGE);
        return json.treeToValue(value, PageState.class);
    }

    private static void assertPng(byte[] image) {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, PNG_SIGNATURE.length), "a PNG image");
        // IHDR: width and height are the first fields of the first chunk, after the signature, length and type
        ByteBuffer header = ByteBuffer.wrap(image, 16, 8);
        assertEquals(WIDTH, header.getInt(), "screenshot width");
        assertEquals(HEIGHT, header.getInt(), "screenshot height");
    }
}
