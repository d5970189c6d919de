package io.github.camelnavixy.protocol;

/**
 * The one way text that came from the server (close reasons, error descriptions, actions, event names, ids,
 * {@code user/auth} messages) reaches logs, exception messages, health details, JMX and the dev console.
 *
 * <p>A hostile or broken server must not be able to forge log lines (CR/LF), hide text (other control characters) or
 * flood a log with one value, so control characters become {@code ?} and the text is cut to {@link #MAX_LENGTH}.
 */
public final class ServerText {

    /** Longest server text shown anywhere; longer text is cut and marked with an ellipsis. */
    public static final int MAX_LENGTH = 200;
    /** How many ids of a list (e.g. blocked trackers) are shown; the rest is counted. */
    public static final int MAX_LISTED = 20;

    private ServerText() {
    }

    /** The text made safe to show: control characters replaced, cut to {@link #MAX_LENGTH} characters. */
    public static String safe(CharSequence text) {
        return safe(text, MAX_LENGTH);
    }

    /** As {@link #safe(CharSequence)} with another length limit. {@code null} stays {@code null}. */
    public static String safe(CharSequence text, int maxLength) {
        if (text == null) {
            return null;
        }
        int length = Math.min(text.length(), maxLength);
        StringBuilder out = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (text.length() > maxLength) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /** A list of ids shown as at most {@link #MAX_LISTED} of them and how many there are in all. */
    public static String idList(java.util.Collection<?> ids) {
        if (ids.size() <= MAX_LISTED) {
            return safe(ids.toString(), MAX_LENGTH * 2);
        }
        StringBuilder out = new StringBuilder("[");
        int shown = 0;
        for (Object id : ids) {
            if (shown == MAX_LISTED) {
                break;
            }
            out.append(shown++ == 0 ? "" : ", ").append(safe(String.valueOf(id), 40));
        }
        return out.append(", … ").append(ids.size()).append(" in all]").toString();
    }
}
