package io.github.camelnavixy.rest;

import java.time.OffsetDateTime;

/**
 * A stretch of one tracker's track the route did not see: the GPS times strictly between {@code from} (the last
 * position seen before an outage) and {@code to} (the first one seen after it).
 *
 * @param trackerId the tracker to read ({@code track/read} takes tracker ids)
 * @param sourceId  its source id, as the state events name it
 * @param from      exclusive start
 * @param to        exclusive end
 */
public record GapWindow(long trackerId, long sourceId, OffsetDateTime from, OffsetDateTime to) {
}
