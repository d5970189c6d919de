package io.github.camelnavixy.protocol;

/**
 * A frame that carries nothing: the server heartbeat {@code X}, Atmosphere's whitespace padding, an empty frame, or
 * any other text that is neither JSON nor a handshake. It only proves the link is alive.
 */
public record Heartbeat() implements InboundMessage {

    /** The one instance the decoder returns, so heartbeats allocate nothing. */
    public static final Heartbeat INSTANCE = new Heartbeat();
}
