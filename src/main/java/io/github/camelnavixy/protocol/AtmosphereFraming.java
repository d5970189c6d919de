package io.github.camelnavixy.protocol;

/**
 * The Atmosphere layer under Navixy's JSON: the query string that asks for the protocol handshake, and the parsing
 * of that handshake ({@code <uuid>|<ms>|<padding>|}, possibly length-prefixed as {@code 45|<uuid>|30000|X|}).
 * Mirrors what atmosphere.js 2.3.6 does, since that is the client Navixy documents.
 */
public final class AtmosphereFraming {

    /** Heartbeat text assumed when no handshake tells otherwise. */
    public static final String DEFAULT_PADDING = "X";

    /**
     * The Atmosphere parameters of the official JS client, in its order: a fresh tracking id ({@code 0}) and the
     * protocol flag make the server send the handshake; the framework version must be at least 2.2.1.
     */
    public static final String CONNECT_QUERY = "X-Atmosphere-tracking-id=0"
            + "&X-Atmosphere-Framework=2.3.6-javascript"
            + "&X-Atmosphere-Transport=websocket"
            + "&Content-Type=application/json"
            + "&X-atmo-protocol=true";

    private static final char DELIMITER = '|';
    /** A length prefix has at most this many digits (Atmosphere writes an int). */
    private static final int MAX_PREFIX_DIGITS = 9;

    private AtmosphereFraming() {
    }

    /**
     * Appends {@link #CONNECT_QUERY} to a WebSocket URL, after any query it already has (and before a fragment).
     */
    public static String withConnectQuery(String url) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String joiner;
        int q = base.indexOf('?');
        if (q < 0) {
            joiner = "?";
        } else if (q == base.length() - 1 || base.endsWith("&")) {
            joiner = "";
        } else {
            joiner = "&";
        }
        return base + joiner + CONNECT_QUERY + fragment;
    }

    /**
     * Parses a handshake frame.
     *
     * @return the handshake, or {@code null} when the text is not one: JSON, fewer than two {@code |}-separated
     *         parts, an empty tracking id or an interval that is not a whole number
     */
    public static Handshake parseHandshake(String frame) {
        if (frame == null) {
            return null;
        }
        String text = stripLengthPrefix(trim(frame));
        if (text.isEmpty() || text.charAt(0) == '{') {
            return null;
        }
        int first = text.indexOf(DELIMITER);
        if (first <= 0) {
            return null;
        }
        int second = text.indexOf(DELIMITER, first + 1);
        String interval = second < 0 ? text.substring(first + 1) : text.substring(first + 1, second);
        long millis = parseNonNegative(interval);
        if (millis < 0) {
            return null;
        }
        String padding = DEFAULT_PADDING;
        if (second >= 0) {
            int third = text.indexOf(DELIMITER, second + 1);
            String p = third < 0 ? text.substring(second + 1) : text.substring(second + 1, third);
            if (!p.isEmpty()) {
                padding = p;
            }
        }
        return new Handshake(text.substring(0, first), millis, padding);
    }

    /**
     * Removes one Atmosphere message-length prefix ({@code <len>|}, len counted in UTF-16 units) when the number
     * matches the rest of the frame exactly; otherwise returns the text unchanged. The exact match keeps a handshake
     * whose first part happens to be numeric intact. Only one prefix is removed: Atmosphere never nests them.
     */
    public static String stripLengthPrefix(String text) {
        int bar = text.indexOf(DELIMITER);
        if (bar <= 0 || bar > MAX_PREFIX_DIGITS) {
            return text;
        }
        long len = parseNonNegative(text.substring(0, bar));
        return len == text.length() - bar - 1 ? text.substring(bar + 1) : text;
    }

    /**
     * Where the JSON of a length-prefixed frame starts: {@code utf8[from, end)} is {@code <digits>|}, optional
     * whitespace, then {@code {} or {@code [}. The number is not checked against the length (it counts UTF-16 units,
     * and a JSON payload is read as JSON anyway); only this one prefix is looked at.
     *
     * @return the index of the {@code {} or {@code [}, or {@code -1} when the bytes are not a prefixed JSON frame
     */
    static int prefixedJsonStart(byte[] utf8, int from, int end) {
        int i = from;
        while (i < end && i - from < MAX_PREFIX_DIGITS && utf8[i] >= '0' && utf8[i] <= '9') {
            i++;
        }
        if (i == from || i == end || utf8[i] != DELIMITER) {
            return -1;
        }
        i++;
        while (i < end && isSpace(utf8[i])) {
            i++;
        }
        return i < end && (utf8[i] == '{' || utf8[i] == '[') ? i : -1;
    }

    /**
     * The one definition of blank used for every frame, bytes or text: JSON's insignificant whitespace (space, tab,
     * line feed, carriage return). Atmosphere pads with spaces; anything else is content.
     */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The text without leading and trailing {@linkplain #isSpace(int) whitespace}. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static long parseNonNegative(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
