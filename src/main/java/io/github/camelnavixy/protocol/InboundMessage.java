package io.github.camelnavixy.protocol;

/**
 * One text message from the server, classified. The connection logic switches over these cases and never looks at
 * JSON itself.
 */
public sealed interface InboundMessage
        permits Handshake, Heartbeat, SubscriptionResponse, ErrorResponse, EventMessage {
}
