package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Navixy's {@code rate_limit} strings. The real grammar is undocumented (spec §9.3); the simulator accepts
 * {@code <digits>(ms|s|m|h)} with a positive value, which covers every value seen in the wild ({@code 5s},
 * {@code 1s}) and what a sensible client would send. Anything else is an "invalid parameters" error.
 */
final class RateLimit {

    private static final Pattern GRAMMAR = Pattern.compile("^(\\d{1,9})(ms|s|m|h)$");

    private RateLimit() {
    }

    /** @return the duration, or {@code null} when the text does not follow the grammar or is zero */
    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        if (n <= 0) {
            return null;
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
