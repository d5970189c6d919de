package io.github.camelnavixy.protocol;

/** Per-tracker outcome of a subscription, as reported in a subscribe response. */
public enum TrackerStatus {
    /** Events will flow. */
    NORMAL,
    /** Blocked: no state events, lifecycle events still come; state is sent automatically after unblocking. */
    BLOCKED,
    /** No such tracker, or not the user's. */
    UNKNOWN,
    /** The session may not subscribe to it. */
    DISALLOWED,
    /** A status this client does not know (kept rather than failing on a new server value). */
    UNRECOGNISED;

    /** Maps the wire text ({@code "normal"}, …) to a status; anything else is {@link #UNRECOGNISED}. */
    public static TrackerStatus fromWire(String text) {
        if (text == null) {
            return UNRECOGNISED;
        }
        return switch (text) {
            case "normal" -> NORMAL;
            case "blocked" -> BLOCKED;
            case "unknown" -> UNKNOWN;
            case "disallowed" -> DISALLOWED;
            default -> UNRECOGNISED;
        };
    }
}
