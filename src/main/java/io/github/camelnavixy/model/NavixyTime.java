package io.github.camelnavixy.model;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses and formats Navixy timestamps.
 * <p>
 * Navixy sends {@code yyyy-MM-dd HH:mm:ss} in the user's time zone with no zone marker, or ISO-8601 with an offset
 * when the request asked for {@code iso_datetime}. Both end up as {@link OffsetDateTime}; a local time is placed in
 * the zone given to {@link #parse(String, ZoneId)} (for Jackson: the {@link #ZONE_ATTRIBUTE} context attribute).
 * The common shapes are parsed by hand because a batch carries several timestamps per item and
 * {@link DateTimeFormatter} is several times slower; anything unusual falls back to a lenient formatter.
 */
public final class NavixyTime {

    /**
     * Jackson context attribute ({@code ObjectReader.withAttribute}) holding the {@link ZoneId} (or zone id text) in
     * which timestamps without an offset are interpreted. Absent: UTC.
     */
    public static final String ZONE_ATTRIBUTE = "io.github.camelnavixy.model.NavixyTime.zone";

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .toFormatter();

    private NavixyTime() {
    }

    /**
     * Parses a Navixy timestamp.
     *
     * @param  text                   the text; {@code null} or blank gives {@code null}
     * @param  zone                   zone for a timestamp without offset; {@code null} means UTC
     * @return                        the instant with its offset, or {@code null}
     * @throws DateTimeParseException if the text is no timestamp
     */
    public static OffsetDateTime parse(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        OffsetDateTime fast = parseFast(s, z);
        return fast != null ? fast : parseLenient(s, z);
    }

    /** Formats as ISO-8601 with offset and always with seconds, e.g. {@code 2025-10-08T18:31:33-06:00}. */
    public static String format(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }

    /** Reads the zone attribute value: a {@link ZoneId}, a zone id text, or {@code null} (UTC). */
    public static ZoneId zoneOf(Object attribute) {
        if (attribute instanceof ZoneId id) {
            return id;
        }
        if (attribute instanceof String s && !s.isBlank()) {
            return ZoneId.of(s.strip());
        }
        return ZoneOffset.UTC;
    }

    private static OffsetDateTime parseLenient(String s, ZoneId zone) {
        TemporalAccessor t = LENIENT.parse(s);
        LocalDateTime local = LocalDateTime.from(t);
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)));
        }
        return local.atZone(zone).toOffsetDateTime();
    }

    /** {@code yyyy-MM-dd[T ]HH:mm:ss[.f{1,9}][Z|±HH:mm|±HHmm|±HH]}; {@code null} when the text has another shape. */
    private static OffsetDateTime parseFast(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ' && sep != 't') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nano = digits(s, start, len);
            for (int k = len; k < 9; k++) {
                nano *= 10;
            }
        }
        try {
            if (i == n) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nano).atZone(zone).toOffsetDateTime();
            }
            ZoneOffset offset = offset(s, i);
            if (offset == null) {
                return null;
            }
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Invalid timestamp: " + e.getMessage(), s, 0, e);
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int rest = n - i - 1;
        int hours;
        int minutes;
        if (rest == 2) {
            hours = digits(s, i + 1, 2);
            minutes = 0;
        } else if (rest == 4) {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 3, 2);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 4, 2);
        } else {
            return null;
        }
        if ((hours | minutes) < 0) {
            return null;
        }
        int sign = c == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
