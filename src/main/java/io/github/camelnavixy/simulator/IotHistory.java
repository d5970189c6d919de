package io.github.camelnavixy.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last raw messages of one tracker, as the IoT monitor (Data Stream Analyzer) keeps them: at most 12, newest
 * first. It yields the two queues Navixy sends: {@code nonnull_fields} (only messages where the attribute had a value)
 * and {@code all_fields} (every message, {@code null} where the attribute was missing).
 */
final class IotHistory {

    static final int MAX_MESSAGES = 12;

    /** One raw message. Attribute values are Integer, String or null (absent = not reported in this message). */
    record Message(Instant msgTime, Instant srvTime, Map<String, Object> attributes) {
    }

    /** One queue entry of one attribute. */
    record Entry(Instant msgTime, Instant srvTime, Object value) {
    }

    private final Deque<Message> messages = new ArrayDeque<>();

    void add(Message message) {
        messages.addFirst(message);
        while (messages.size() > MAX_MESSAGES) {
            messages.removeLast();
        }
    }

    /** Attribute name → entries (newest first) from messages where the attribute was present and not null. */
    Map<String, List<Entry>> nonNullFields() {
        Map<String, List<Entry>> result = new LinkedHashMap<>();
        for (String name : attributeNames()) {
            List<Entry> entries = new ArrayList<>();
            for (Message m : messages) {
                Object v = m.attributes().get(name);
                if (v != null) {
                    entries.add(new Entry(m.msgTime(), m.srvTime(), v));
                }
            }
            if (!entries.isEmpty()) {
                result.put(name, entries);
            }
        }
        return result;
    }

    /** Attribute name → one entry per message (newest first), value null where the attribute was missing. */
    Map<String, List<Entry>> allFields() {
        Map<String, List<Entry>> result = new LinkedHashMap<>();
        for (String name : attributeNames()) {
            List<Entry> entries = new ArrayList<>();
            for (Message m : messages) {
                entries.add(new Entry(m.msgTime(), m.srvTime(), m.attributes().get(name)));
            }
            result.put(name, entries);
        }
        return result;
    }

    private Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Message m : messages) {
            names.addAll(m.attributes().keySet());
        }
        return names;
    }
}
