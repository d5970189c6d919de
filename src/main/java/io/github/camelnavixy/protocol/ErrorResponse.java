package io.github.camelnavixy.protocol;

/**
 * A {@code type:"error"} message. Match on {@link #code()} (the REST API error codes: 3/4 = bad or ended session,
 * 15 = too many requests), never on the description, which varies for the same code.
 *
 * @param action      the request action, or {@code "null"}/{@code null} for unexpected errors
 * @param code        {@code status.code}; 0 when absent
 * @param description {@code status.description}
 * @param dataJson    the {@code data} field as JSON text (documented as a string, sent as an object), or
 *                    {@code null} when absent
 */
public record ErrorResponse(String action, int code, String description, String dataJson) implements InboundMessage {
}
