package io.github.camelnavixy.protocol;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A frame, or one part of it, that cannot be understood: broken JSON, JSON that is not an object, an unknown
 * {@code type}, a batch item that does not fit the model. The message says why and shows the start of the frame or
 * item (never a {@code hash} value, control characters replaced as {@link ServerText} does), so the route's error
 * handling can log it and the stream can go on.
 * <p>
 * It carries no stack trace of its own: it reports bad data, not a fault of the code, and would always point into the
 * decoder; a hostile server could otherwise make every bad item pay for one.
 */
public class MalformedFrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Longest part of the frame shown in a message. */
    public static final int EXCERPT_LENGTH = 200;

    private static final Pattern HASH = Pattern.compile("(\"hash\"\\s*:\\s*\")[^\"]*(\"|$)");

    /** Longest reason kept; reasons quote server text, which is cut well before this. */
    private static final int REASON_LENGTH = 400;

    private final String reason;

    public MalformedFrameException(String reason, String excerpt, Throwable cause) {
        super(ServerText.safe(reason, REASON_LENGTH) + ": " + printable(excerpt), cause, true, false);
        this.reason = ServerText.safe(reason, REASON_LENGTH);
    }

    /** Line breaks and tabs of (pretty-printed) JSON become spaces, other control characters {@code ?}. */
    private static String printable(String excerpt) {
        if (excerpt == null) {
            return null;
        }
        return ServerText.safe(excerpt.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), excerpt.length());
    }

    /** Why the frame was rejected, without the frame text. */
    public String reason() {
        return reason;
    }

    /** Builds the exception for a text frame. */
    public static MalformedFrameException of(String reason, String frame, Throwable cause) {
        return new MalformedFrameException(reason, excerpt(frame), cause);
    }

    /** Builds the exception for a UTF-8 frame; only its start is decoded. */
    public static MalformedFrameException of(String reason, byte[] utf8, int offset, int length, Throwable cause) {
        String head = new String(utf8, offset, Math.min(length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8);
        return new MalformedFrameException(reason, excerpt(head, length, "bytes"), cause);
    }

    /**
     * The frame as it may appear in a log: {@code hash} values masked, cut to {@value #EXCERPT_LENGTH} characters
     * with "…" and the total length.
     */
    public static String excerpt(String frame) {
        return frame == null ? "<no frame>" : excerpt(frame, frame.length(), "chars");
    }

    private static String excerpt(String head, int totalLength, String unit) {
        // mask inside a window wider than the cut, so a hash straddling the cut is masked before it is cut
        String window = head.length() > EXCERPT_LENGTH * 2 ? head.substring(0, EXCERPT_LENGTH * 2) : head;
        String masked = HASH.matcher(window).replaceAll("$1***$2");
        if (masked.length() <= EXCERPT_LENGTH && window.length() == head.length() && head.length() == totalLength) {
            return masked;
        }
        String cut = masked.length() > EXCERPT_LENGTH ? masked.substring(0, EXCERPT_LENGTH) : masked;
        return cut + "… (" + totalLength + " " + unit + " in total)";
    }
}
