package io.github.camelnavixy;

import io.github.camelnavixy.protocol.ServerText;

/** The server answered a request with an error that does not end the subscription. The stream goes on. */
public class NavixyErrorResponseException extends RuntimeException {

    private final int code;
    private final String action;

    public NavixyErrorResponseException(int code, String description, String action) {
        super("Navixy answered " + ServerText.safe(action) + " with error " + code + " ("
                + ServerText.safe(description) + ")");
        this.code = code;
        this.action = action;
    }

    /** The Navixy API error code. */
    public int getCode() {
        return code;
    }

    /** The request action the error answers, or "null" when the server could not tell. */
    public String getAction() {
        return action;
    }
}
