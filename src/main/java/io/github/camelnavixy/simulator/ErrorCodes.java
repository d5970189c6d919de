package io.github.camelnavixy.simulator;

import java.util.Map;

/**
 * Navixy API error codes and their canonical descriptions (spec §5.5), so a forced error looks like a real one.
 * Clients must match on the code, never on the text.
 */
final class ErrorCodes {

    static final int WRONG_HASH = 3;
    static final int SESSION_ENDED = 4;
    static final int WRONG_REQUEST_FORMAT = 5;
    static final int UNEXPECTED = 6;
    static final int INVALID_PARAMETERS = 7;
    static final int TOO_MANY_REQUESTS = 15;
    static final int WRONG_LOGIN = 102;
    static final int LOGINS_LIMIT = 104;
    static final int LOGIN_ATTEMPTS_LIMIT = 105;
    static final int WRONG_HANDLER = 111;

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(1, "Database error"),
            Map.entry(2, "Service Auth error"),
            Map.entry(3, "Wrong hash"),
            Map.entry(4, "User or API key not found or session ended"),
            Map.entry(5, "Wrong request format"),
            Map.entry(6, "Unexpected error"),
            Map.entry(7, "Invalid parameters"),
            Map.entry(8, "Queue service error, try again later"),
            Map.entry(9, "Too large request"),
            Map.entry(11, "Access denied"),
            Map.entry(13, "Operation not permitted"),
            Map.entry(14, "Database unavailable"),
            Map.entry(15, "Too many requests (rate limit exceeded)"),
            Map.entry(102, "Wrong login or password"),
            Map.entry(103, "User not activated"),
            Map.entry(104, "Logins limit exceeded, please reuse existing sessions or renew them"),
            Map.entry(105, "Login attempts limit exceeded, try again later"),
            Map.entry(111, "Wrong handler"),
            Map.entry(201, "Not found in the database"),
            Map.entry(208, "Device blocked"),
            Map.entry(211, "Requested time span is too big"),
            Map.entry(275, "User is blocked"),
            Map.entry(276, "Action is forbidden for received session type"));

    private ErrorCodes() {
    }

    static String description(int code) {
        return DESCRIPTIONS.getOrDefault(code, "Error " + code);
    }
}
