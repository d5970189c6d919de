package io.github.camelnavixy.examples.livefeed.page;

/**
 * The Navixy consumer's connection as the page shows it.
 *
 * @param routeId        the route whose consumer this is, or {@code null} when there is none
 * @param state          SUBSCRIBED, WAITING_TO_RECONNECT, FAILED, ... or NO_CONSUMER
 * @param failedAttempts consecutive failed attempts since the last subscription
 * @param reconnects     reconnects since start
 * @param errors         malformed frames and error responses
 * @param events         events received
 * @param lastError      the last error (secret-free text from the consumer), or {@code null}
 * @param nextRetryMillis epoch millis of the next reconnect, or 0
 */
public record ConnectionView(String routeId, String state, int failedAttempts, long reconnects, long errors,
                             long events, String lastError, long nextRetryMillis) {

    static ConnectionView none() {
        return new ConnectionView(null, "NO_CONSUMER", 0, 0, 0, 0, null, 0);
    }
}
