package io.github.camelnavixy;

import io.github.camelnavixy.client.ConnectionSnapshot;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code navixy} dev console: for every Navixy consumer, the connection state, the subscription and the status of
 * each tracker, and the counters (frames, events, Exchanges, reconnects, errors).
 */
@DevConsole(name = "navixy", displayName = "Navixy", description = "Navixy WebSocket consumers: connection, subscriptions, counters")
public class NavixyDevConsole extends AbstractDevConsole {

    public NavixyDevConsole() {
        super("camel", "navixy", "Navixy", "Navixy WebSocket consumers: connection, subscriptions, counters");
    }

    private List<NavixyConsumer> consumers() {
        List<NavixyConsumer> found = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof NavixyConsumer consumer) {
                found.add(consumer);
            }
        }
        return found;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (NavixyConsumer consumer : consumers()) {
            ConnectionSnapshot s = consumer.getConnectionSnapshot();
            text.append("Navixy consumer of route ").append(consumer.getRouteId()).append('\n');
            text.append("  URL: ").append(consumer.getEndpoint().getResolvedWebSocketUrl()).append('\n');
            text.append("  Subscription: ").append(consumer.getEndpoint().getPlan().eventTypesText())
                    .append(" for trackers ").append(consumer.getEndpoint().getPlan().target()).append('\n');
            text.append("  State: ").append(consumer.getConnectionState()).append('\n');
            if (s != null) {
                text.append(String.format(Locale.ROOT,
                        "  Frames: %d  Events: %d  Exchanges: %d  Pending: %d  Reconnects: %d  Errors: %d%n",
                        s.frames(), s.events(), consumer.getExchangeCount(), consumer.getPendingExchanges(),
                        s.reconnects(), s.errors()));
                if (s.lastError() != null) {
                    text.append("  Last error: ").append(s.lastError()).append('\n');
                }
                s.trackerStatuses().forEach((type, statuses) -> text.append("  Trackers (").append(type).append("): ")
                        .append(new TreeMap<>(statuses)).append('\n'));
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (NavixyConsumer consumer : consumers()) {
            JsonObject entry = new JsonObject();
            ConnectionSnapshot s = consumer.getConnectionSnapshot();
            entry.put("routeId", consumer.getRouteId());
            entry.put("url", consumer.getEndpoint().getResolvedWebSocketUrl());
            entry.put("eventTypes", consumer.getEndpoint().getPlan().eventTypesText());
            entry.put("trackers", consumer.getEndpoint().getPlan().target().toString());
            entry.put("state", consumer.getConnectionState().name());
            entry.put("exchanges", consumer.getExchangeCount());
            entry.put("pending", consumer.getPendingExchanges());
            if (s != null) {
                entry.put("frames", s.frames());
                entry.put("events", s.events());
                entry.put("reconnects", s.reconnects());
                entry.put("errors", s.errors());
                entry.put("failedAttempts", s.failures());
                entry.put("lastError", s.lastError());
                JsonObject statuses = new JsonObject();
                s.trackerStatuses().forEach((type, byId) -> {
                    JsonObject perType = new JsonObject();
                    byId.forEach((id, status) -> perType.put(String.valueOf(id), status.name().toLowerCase(Locale.ROOT)));
                    statuses.put(type, perType);
                });
                entry.put("trackerStatuses", statuses);
            }
            list.add(entry);
        }
        root.put("consumers", list);
        return root;
    }
}
