package io.github.camelnavixy.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Normalises the collection components of the model records: {@code null} extras become an empty map, and
 * collections are wrapped read-only. Wrapping (not copying) keeps decoding cheap; the collections Jackson builds are
 * not shared with anyone else.
 */
final class Extras {

    private Extras() {
    }

    static Map<String, Object> extra(Map<String, Object> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(map);
    }
}
