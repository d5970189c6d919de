package io.github.camelnavixy.protocol;

/**
 * The Atmosphere protocol handshake, the first frame after connecting with tracking id {@code 0}:
 * {@code <uuid>|<ms>|<padding>|}. Only after it is the connection really open.
 *
 * @param trackingId              the resource uuid the server assigned
 * @param heartbeatIntervalMillis how often the client should send {@link #padding()} as a heartbeat; 0 = never
 * @param padding                 the heartbeat text, normally {@code X}
 */
public record Handshake(String trackingId, long heartbeatIntervalMillis, String padding) implements InboundMessage {
}
