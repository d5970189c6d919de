package io.github.camelnavixy.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats timestamps the way Navixy does: {@code yyyy-MM-dd HH:mm:ss} in the user's time zone without a zone marker,
 * or, when the request asked for {@code iso_datetime:true}, ISO-8601 with offset ({@code 2025-10-08T18:31:33-06:00}).
 * IoT monitor times are always ISO UTC with {@code Z} (spec §5.6).
 */
final class Timestamps {

    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DateTimeFormatter formatter;

    Timestamps(ZoneId userZone, boolean iso) {
        this.formatter = (iso ? ISO : PLAIN).withZone(userZone);
    }

    String format(Instant instant) {
        return instant == null ? null : formatter.format(instant);
    }

    static String isoUtc(Instant instant) {
        return ISO_UTC.format(instant);
    }
}
