package io.github.camelnavixy.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions of one connection, one per event type (a second subscribe to the same type merges into the
 * first, as Navixy does). Event loop only.
 */
final class SubscriptionRegistry {

    private final Map<String, Subscription> byType = new LinkedHashMap<>();

    Subscription getOrCreate(String type) {
        return byType.computeIfAbsent(type, Subscription::new);
    }

    Subscription get(String type) {
        return byType.get(type);
    }

    void removeIfEmpty(String type) {
        Subscription s = byType.get(type);
        if (s != null && s.isEmpty()) {
            byType.remove(type);
        }
    }

    Collection<Subscription> all() {
        return byType.values();
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }

    void clear() {
        byType.clear();
    }

    /** Drops every subscription made with {@code hash}; returns whether there was any. */
    boolean removeByHash(String hash) {
        return byType.values().removeIf(s -> hash.equals(s.hash()));
    }

    List<SubscriptionInfo> infos() {
        List<SubscriptionInfo> infos = new ArrayList<>();
        byType.values().forEach(s -> infos.add(s.info()));
        return infos;
    }
}
