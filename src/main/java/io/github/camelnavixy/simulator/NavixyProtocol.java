package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Navixy application layer over one socket: {@code subscribe} and {@code unsubscribe} actions (spec §5.1-§5.3,
 * §5.5). Checks run in this order: forced error (fault), hash, request validation; the first failure becomes one
 * {@code type:"error"} frame and nothing is subscribed. A successful subscribe answers with per-tracker statuses and
 * then the initial snapshot. Event loop only.
 */
final class NavixyProtocol {

    private static final String SUBSCRIBE = "subscription/subscribe";
    private static final String UNSUBSCRIBE = "subscription/unsubscribe";

    private final ObjectMapper mapper;
    private final EventShapes shapes;
    private final Fleet fleet;
    private final Credentials credentials;
    private final Faults faults;
    private final SimulatorStats stats;
    private final EventPump pump;
    private final Duration defaultRateLimit;

    NavixyProtocol(ObjectMapper mapper, EventShapes shapes, Fleet fleet, Credentials credentials, Faults faults,
            SimulatorStats stats, EventPump pump, Duration defaultRateLimit) {
        this.mapper = mapper;
        this.shapes = shapes;
        this.fleet = fleet;
        this.credentials = credentials;
        this.faults = faults;
        this.stats = stats;
        this.pump = pump;
        this.defaultRateLimit = defaultRateLimit;
    }

    void handle(AtmosphereSession session, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            session.reply(shapes.error("null", ErrorCodes.WRONG_REQUEST_FORMAT, null, null));
            return;
        }
        stats.requestReceived(root);
        switch (root.path("action").asText("")) {
            case "subscribe" -> subscribe(session, root);
            case "unsubscribe" -> unsubscribe(session, root);
            default -> session.reply(shapes.error("null", ErrorCodes.WRONG_REQUEST_FORMAT, errorData(root), null));
        }
    }

    private void subscribe(AtmosphereSession session, JsonNode root) {
        Integer forced = faults.nextForcedSubscribeError();
        if (forced != null) {
            fail(session, SUBSCRIBE, forced, root, null);
            return;
        }
        String hash = root.path("hash").asText(null);
        if (!hashOk(session, SUBSCRIBE, hash, root)) {
            return;
        }
        RequestParser.Result parsed = new RequestParser(fleet.liveIds().size(), false).parse(root);
        if (!parsed.ok()) {
            fail(session, SUBSCRIBE, parsed.errorCode(), root, parsed.errors());
            return;
        }
        boolean iso = root.path("iso_datetime").asBoolean(false);
        Map<String, Map<Long, String>> statuses = new LinkedHashMap<>();
        for (SubRequest r : parsed.requests()) {
            Map<Long, String> byId = statuses.computeIfAbsent(r.type(), t -> new LinkedHashMap<>());
            for (long id : r.all() ? fleet.liveIds() : r.trackerIds()) {
                byId.put(id, fleet.status(id));
            }
            session.subscriptions.getOrCreate(r.type()).merge(r, defaultRateLimit, iso, hash);
        }
        session.reply(shapes.subscribeResponse(new ArrayList<>(statuses.keySet()), statuses));
        statuses.forEach((type, byId) -> pump.snapshot(session, session.subscriptions.get(type), byId.keySet()));
        session.publishInfo();
        stats.subscribed();
    }

    private void unsubscribe(AtmosphereSession session, JsonNode root) {
        String hash = root.path("hash").asText(null);
        if (!hashOk(session, UNSUBSCRIBE, hash, root)) {
            return;
        }
        RequestParser.Result parsed = new RequestParser(fleet.liveIds().size(), true).parse(root);
        if (!parsed.ok()) {
            fail(session, UNSUBSCRIBE, parsed.errorCode(), root, parsed.errors());
            return;
        }
        Map<String, Collection<Long>> removed = new LinkedHashMap<>();
        for (SubRequest r : parsed.requests()) {
            Collection<Long> ids = removed.computeIfAbsent(r.type(), t -> new LinkedHashSet<>());
            Subscription sub = session.subscriptions.get(r.type());
            if (sub != null) {
                ids.addAll(sub.remove(r, fleet.liveIds()));
                session.subscriptions.removeIfEmpty(r.type());
            }
        }
        session.reply(shapes.unsubscribeResponse(new ArrayList<>(removed.keySet()), removed));
        session.publishInfo();
    }

    private boolean hashOk(AtmosphereSession session, String action, String hash, JsonNode root) {
        Credentials.Check check = credentials.check(hash);
        if (check == Credentials.Check.VALID) {
            return true;
        }
        fail(session, action, check == Credentials.Check.ENDED ? ErrorCodes.SESSION_ENDED : ErrorCodes.WRONG_HASH,
                root, null);
        return false;
    }

    private void fail(AtmosphereSession session, String action, int code, JsonNode root, ArrayNode errors) {
        if (SUBSCRIBE.equals(action)) {
            stats.subscribeErrors.incrementAndGet();
        }
        session.reply(shapes.error(action, code, errorData(root), errors));
    }

    /** The documented error {@code data}: the requested event types and tracker ids, as far as they can be read. */
    private ObjectNode errorData(JsonNode root) {
        Set<String> events = new LinkedHashSet<>();
        Set<Long> trackers = new LinkedHashSet<>();
        JsonNode requests = root.path("requests");
        if (requests.isArray()) {
            for (JsonNode r : requests) {
                if (r.path("type").isTextual()) {
                    events.add(r.get("type").asText());
                }
                collectIds(r.path("trackers"), trackers);
                collectIds(r.path("target").path("tracker_ids"), trackers);
            }
        }
        root.path("events").forEach(e -> events.add(e.asText()));
        collectIds(root.path("trackers"), trackers);
        ObjectNode data = mapper.createObjectNode();
        ArrayNode ev = data.putArray("events");
        events.forEach(ev::add);
        ArrayNode tr = data.putArray("trackers");
        trackers.forEach(tr::add);
        return data;
    }

    private static void collectIds(JsonNode node, Set<Long> into) {
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.canConvertToLong()) {
                    into.add(n.asLong());
                }
            });
        }
    }

    /** Sends the logout event to every connection with a subscription made with one of {@code hashes} (null = any). */
    int logout(SessionHub hub, Set<String> hashes, String text) {
        List<AtmosphereSession> targets = new ArrayList<>();
        for (AtmosphereSession s : hub.sessions()) {
            boolean hit = s.subscriptions.all().stream()
                    .anyMatch(sub -> hashes == null || hashes.contains(sub.hash()));
            if (hit && !s.isClosed()) {
                targets.add(s);
            }
        }
        String frame = shapes.logout(text);
        for (AtmosphereSession s : targets) {
            s.event(frame);
            if (hashes == null) {
                s.subscriptions.clear();
            } else {
                hashes.forEach(s.subscriptions::removeByHash);
            }
            s.publishInfo();
        }
        return targets.size();
    }
}
