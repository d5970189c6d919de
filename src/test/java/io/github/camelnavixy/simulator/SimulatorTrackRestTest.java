package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator's tracker/list and track/read: the same fleet as the feed, the recorded history, limits and faults. */
class SimulatorTrackRestTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("America/Guatemala"));

    private NavixySimulator sim;

    @BeforeEach
    void start() {
        sim = NavixySimulator.builder().fleetSize(3).tickInterval(Duration.ofMillis(50)).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode post(String method, String fields) throws Exception {
        String json = "{\"hash\":\"" + sim.apiKey() + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return SimTestClient.MAPPER.readTree(r.body());
    }

    private JsonNode trackRead(long trackerId, Instant from, Instant to, String more) throws Exception {
        return post("track/read", "\"tracker_id\":" + trackerId + ",\"from\":\"" + LOCAL.format(from) + "\",\"to\":\""
                + LOCAL.format(to) + "\"" + more);
    }

    /** Waits until tracker 1001 has recorded at least {@code n} points. */
    private List<TrackPointTruth> history(int n) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> sim.trackHistory(1001).size() >= n);
        return sim.trackHistory(1001);
    }

    @Test
    void trackerListNamesLabelsGroupsSourcesAndClones() throws Exception {
        long clone = sim.addClone(1002, "Truck 2 (clone)");

        JsonNode list = post("tracker/list", "").path("list");

        assertThat(list).hasSize(4);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(1001);
        assertThat(list.get(0).path("label").asText()).isEqualTo("Van 1");
        assertThat(list.get(0).path("group_id").asLong()).isZero();
        assertThat(list.get(1).path("group_id").asLong()).isEqualTo(201);
        assertThat(list.get(0).path("source").path("id").asLong()).isEqualTo(sim.sourceIdOf(1001));
        JsonNode cloned = list.get(3);
        assertThat(cloned.path("id").asLong()).isEqualTo(clone);
        assertThat(cloned.path("clone").asBoolean()).isTrue();
        assertThat(cloned.path("source").path("id").asLong()).isEqualTo(sim.sourceIdOf(1002));
    }

    @Test
    void trackReadServesTheRecordedPointsStrictlyInsideTheWindowInOrder() throws Exception {
        List<TrackPointTruth> recorded = history(5);
        Instant from = recorded.get(0).gpsTime();
        Instant to = recorded.get(4).gpsTime();

        JsonNode answer = trackRead(1001, from, to, ",\"filter\":false,\"simplify\":false,\"iso_datetime\":true");

        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("limit_exceeded").asBoolean()).isFalse();
        assertThat(answer.path("list")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode point = answer.path("list").get(i);
            TrackPointTruth truth = recorded.get(i + 1);
            assertThat(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(point.path("get_time").asText())))
                    .isEqualTo(truth.gpsTime());
            assertThat(point.path("lat").asDouble()).isEqualTo(truth.lat());
            assertThat(point.path("speed").asInt()).isEqualTo(truth.speed());
        }
    }

    @Test
    void simplifyWithAPointLimitThinsTheTrack() throws Exception {
        List<TrackPointTruth> recorded = history(8);
        JsonNode answer = trackRead(1001, recorded.get(0).gpsTime().minusSeconds(1), recorded.get(7).gpsTime().plusSeconds(1),
                ",\"filter\":false,\"point_limit\":3");
        assertThat(answer.path("list")).hasSize(3);
    }

    @Test
    void aWindowPastTheStoragePeriodIsClippedAndFlagged() throws Exception {
        List<TrackPointTruth> recorded = history(3);
        sim.trackStorage(Duration.ofHours(1));
        JsonNode answer = trackRead(1001, Instant.now().minus(Duration.ofHours(2)), recorded.get(2).gpsTime().plusSeconds(1),
                ",\"filter\":false");
        assertThat(answer.path("limit_exceeded").asBoolean()).isTrue();
        assertThat(answer.path("list").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void answersTheDocumentedErrors() throws Exception {
        Instant now = Instant.now();
        assertThat(code(trackRead(4242, now.minusSeconds(60), now, ""))).as("not this account's").isEqualTo(201);
        assertThat(code(trackRead(1001, now.minus(Duration.ofDays(40)), now, ""))).as("span too big").isEqualTo(211);
        assertThat(code(trackRead(1001, now, now.minusSeconds(60), ""))).as("to before from").isEqualTo(7);
        sim.setBlocked(List.of(1002L));
        assertThat(code(trackRead(1002, now.minusSeconds(60), now, ""))).as("blocked").isEqualTo(208);
        sim.failNextRestCalls("track/read", 1, 15);
        assertThat(code(trackRead(1001, now.minusSeconds(60), now, ""))).as("forced").isEqualTo(15);
        assertThat(sim.restCalls("track/read")).isEqualTo(5);
    }

    @Test
    void aSlowSwitchDelaysTheAnswer() throws Exception {
        sim.slowRest("tracker/list", Duration.ofMillis(700));
        long started = System.nanoTime();
        post("tracker/list", "");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aTrackerAddedAtRunTimeMovesAndIsListed() throws Exception {
        long added = sim.addTracker("Bus 99").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(added).isEqualTo(1004);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !sim.trackHistory(added).isEmpty());
        assertThat(post("tracker/list", "").path("list").findValuesAsText("label")).contains("Bus 99");
    }

    private static int code(JsonNode answer) {
        return answer.path("status").path("code").asInt();
    }
}
