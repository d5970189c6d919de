package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * {@code tracker/list} and {@code track/read} (navixy-rest.md §4, §6.1), served from the same fleet the WebSocket
 * feed comes from, so {@code source.id} here is the {@code source_id} of the events and a track holds exactly the
 * positions the trackers reported.
 *
 * <p>{@code tracker/list}: every live tracker with label, group id and source (blocked flag included), and the clones
 * (same source, {@code clone: true}). {@code track/read}: points with {@code from < get_time < to} from the recorded
 * history; {@code filter} (default true) drops parking points; {@code simplify} (default true) with
 * {@code point_limit} (2-3000) thins to about that many points; a window reaching past the storage period (or past
 * the oldest point kept) is clipped with {@code limit_exceeded:true}; a span over the maximum gives 211, an unknown
 * tracker 201, a blocked one 208, bad times 7. Times are read as {@code yyyy-MM-dd HH:mm:ss} in the user's zone (or
 * ISO with offset) and written the same way, ISO with {@code iso_datetime=true}.
 */
final class TrackerRestHandler {

    static final String TRACKER_LIST = "tracker/list";
    static final String TRACK_READ = "track/read";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper;
    private final Credentials credentials;
    private final Fleet fleet;
    private final AuthHandler http;
    private final Vertx vertx;
    private final ZoneId userZone;
    private final RestFaults faults = new RestFaults();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private volatile Duration storage = Duration.ofDays(90);
    private volatile Duration maxSpan = Duration.ofDays(30);

    TrackerRestHandler(ObjectMapper mapper, Credentials credentials, Fleet fleet, AuthHandler http, Vertx vertx, ZoneId userZone) {
        this.mapper = mapper;
        this.credentials = credentials;
        this.fleet = fleet;
        this.http = http;
        this.vertx = vertx;
        this.userZone = userZone;
    }

    RestFaults faults() {
        return faults;
    }

    long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    void storage(Duration storage) {
        this.storage = storage;
    }

    void maxSpan(Duration maxSpan) {
        this.maxSpan = maxSpan;
    }

    boolean handle(HttpServerRequest request, String path) {
        switch (path) {
            case "/v2/" + TRACKER_LIST -> serve(request, TRACKER_LIST, this::trackerList);
            case "/v2/" + TRACK_READ -> serve(request, TRACK_READ, this::trackRead);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Counts the call, checks the hash, applies the faults, then answers (after the configured delay). */
    private void serve(HttpServerRequest request, String method, BiConsumer<HttpServerRequest, JsonNode> answer) {
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        http.withParams(request, p -> {
            Runnable reply = () -> {
                Integer forced = faults.nextError(method);
                if (forced != null) {
                    http.error(request, forced);
                    return;
                }
                Credentials.Check check = credentials.check(AuthHandler.hashOf(request, p));
                if (check != Credentials.Check.VALID) {
                    http.error(request, check == Credentials.Check.ENDED ? ErrorCodes.SESSION_ENDED : ErrorCodes.WRONG_HASH);
                    return;
                }
                answer.accept(request, p);
            };
            long delay = faults.delay(method).toMillis();
            if (delay > 0) {
                vertx.setTimer(delay, t -> reply.run());
            } else {
                reply.run();
            }
        });
    }

    private void trackerList(HttpServerRequest request, JsonNode p) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        ArrayNode list = body.putArray("list");
        Map<Long, TrackerTruth> live = fleet.truthSnapshot();
        live.values().forEach(t -> tracker(list.addObject(), t.trackerId(), t.label(), false, fleet.groupId(t.trackerId()), t));
        fleet.clones().values().forEach(c -> {
            TrackerTruth original = live.get(c.originalId());
            if (original != null) {
                tracker(list.addObject(), c.trackerId(), c.label(), true, 0, original);
            }
        });
        http.ok(request, body);
    }

    private static void tracker(ObjectNode item, long id, String label, boolean clone, long groupId, TrackerTruth source) {
        item.put("id", id);
        item.put("label", label);
        item.put("group_id", groupId);
        ObjectNode s = item.putObject("source");
        s.put("id", source.sourceId());
        s.put("device_id", Long.toString(350_000_000_000_000L + source.trackerId()));
        s.put("model", "telfmb920");
        s.put("blocked", source.blocked());
        s.put("tariff_id", 5856);
        s.putNull("status_listing_id");
        s.put("creation_date", "2025-03-08");
        s.putNull("tariff_end_date");
        s.putNull("phone");
        item.putArray("tag_bindings");
        item.put("clone", clone);
    }

    private void trackRead(HttpServerRequest request, JsonNode p) {
        long trackerId = p.path("tracker_id").asLong(0);
        boolean iso = bool(p, "iso_datetime", false) || "true".equalsIgnoreCase(request.getHeader("NVX-ISO-DateTime"));
        Instant from = time(p, "from");
        Instant to = time(p, "to");
        if (trackerId <= 0 || from == null || to == null || !to.isAfter(from)) {
            http.error(request, ErrorCodes.INVALID_PARAMETERS);
            return;
        }
        boolean simplify = bool(p, "simplify", true);
        int pointLimit = p.path("point_limit").asInt(0);
        if (p.has("point_limit") && (pointLimit < 2 || pointLimit > 3000)) {
            http.error(request, ErrorCodes.INVALID_PARAMETERS);
            return;
        }
        if (Duration.between(from, to).compareTo(maxSpan) > 0) {
            http.error(request, 211);
            return;
        }
        TrackHistory history = fleet.history(trackerId);
        TrackerTruth truth = fleet.truthSnapshot().get(trackerId);
        if (history == null || truth == null) {
            http.error(request, 201);
            return;
        }
        if (truth.blocked()) {
            http.error(request, 208);
            return;
        }
        boolean limitExceeded = false;
        Instant oldest = Instant.now().minus(storage);
        if (from.isBefore(oldest)) {
            from = oldest;
            limitExceeded = true;
        }
        limitExceeded |= history.forgotten(from);
        List<TrackPointTruth> points = new ArrayList<>(history.between(from, to));
        if (bool(p, "filter", true)) {
            points.removeIf(TrackPointTruth::parking);
        }
        if (simplify && pointLimit >= 2 && points.size() > pointLimit) {
            points = thin(points, pointLimit);
        }
        Timestamps ts = new Timestamps(userZone, iso);
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        body.put("limit_exceeded", limitExceeded);
        ArrayNode list = body.putArray("list");
        for (TrackPointTruth t : points) {
            ObjectNode item = list.addObject();
            item.put("lat", t.lat());
            item.put("lng", t.lng());
            item.put("alt", t.alt());
            item.put("satellites", t.satellites());
            item.put("mileage", t.mileage());
            item.put("get_time", ts.format(t.gpsTime()));
            item.put("address", "");
            item.put("heading", t.heading());
            item.put("speed", t.speed());
            if (t.parking()) {
                item.put("parking", true);
            }
        }
        http.ok(request, body);
    }

    /** Keeps the first and the last point and evenly spaced ones between: {@code limit} in all. */
    private static List<TrackPointTruth> thin(List<TrackPointTruth> points, int limit) {
        List<TrackPointTruth> kept = new ArrayList<>(limit);
        double step = (points.size() - 1) / (double) (limit - 1);
        for (int i = 0; i < limit; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }

    private Instant time(JsonNode p, String name) {
        String text = AuthHandler.text(p, name);
        if (text == null) {
            return null;
        }
        try {
            if (text.indexOf('T') > 0) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text, LOCAL).atZone(userZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean bool(JsonNode p, String name, boolean fallback) {
        JsonNode n = p.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        return n.isBoolean() ? n.asBoolean() : Boolean.parseBoolean(n.asText());
    }
}
