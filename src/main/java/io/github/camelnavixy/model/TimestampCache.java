package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Remembers recently parsed timestamps per thread, keyed by their text and zone. A state carries up to ten timestamps
 * and most of them repeat (the same second in {@code gps.updated}, {@code gsm.updated}, {@code inputs_update}, …; the
 * same seconds across the items of a batch), so most lookups are a hash and a compare of ~25 characters straight from
 * the parser's buffer: no {@code String}, no parse, no new {@link OffsetDateTime} (which is immutable, so sharing it
 * is safe).
 */
final class TimestampCache {

    private static final int SIZE = 64; // a power of two
    private static final int MAX_LENGTH = 40;
    private static final ThreadLocal<TimestampCache> CACHES = ThreadLocal.withInitial(TimestampCache::new);

    private final char[][] texts = new char[SIZE][];
    private final ZoneId[] zones = new ZoneId[SIZE];
    private final OffsetDateTime[] values = new OffsetDateTime[SIZE];

    static TimestampCache current() {
        return CACHES.get();
    }

    /** The cached value of {@code text[offset, offset+length)} in {@code zone}, or {@code null}. */
    OffsetDateTime get(char[] text, int offset, int length, ZoneId zone) {
        if (length > MAX_LENGTH) {
            return null;
        }
        int slot = slot(text, offset, length);
        char[] key = texts[slot];
        if (key != null && zones[slot] == zone
                && Arrays.equals(key, 0, key.length, text, offset, offset + length)) {
            return values[slot];
        }
        return null;
    }

    void put(char[] text, int offset, int length, ZoneId zone, OffsetDateTime value) {
        if (length > MAX_LENGTH || value == null) {
            return;
        }
        int slot = slot(text, offset, length);
        texts[slot] = Arrays.copyOfRange(text, offset, offset + length);
        zones[slot] = zone;
        values[slot] = value;
    }

    /** Hashes month to second (the year rarely differs; the full compare settles any collision). */
    private static int slot(char[] text, int offset, int length) {
        int from = length >= 19 ? offset + 5 : offset;
        int to = length >= 19 ? offset + 19 : offset + length;
        int h = length;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        return (h ^ (h >>> 16)) & (SIZE - 1);
    }
}
