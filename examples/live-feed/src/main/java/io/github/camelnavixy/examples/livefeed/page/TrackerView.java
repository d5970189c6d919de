package io.github.camelnavixy.examples.livefeed.page;

/**
 * One tracker as the fleet page draws it.
 *
 * @param sourceId   the data source id (the page's label)
 * @param lat        latitude, or {@code null} before the first position
 * @param lng        longitude, or {@code null} before the first position
 * @param heading    bearing in degrees, 0 = north, clockwise
 * @param speed      km/h
 * @param movement   moving, stopped or parked
 * @param connection the tracker's own connection status (active, idle, offline, signal_lost...)
 * @param lifecycle  {@code block} or {@code corrupt} while that holds, else {@code null}
 * @param updated    when the GPS position was taken (ISO-8601), or {@code null}
 */
public record TrackerView(long sourceId, Double lat, Double lng, Integer heading, Integer speed, String movement,
                          String connection, String lifecycle, String updated) {

    /** A tracker known only from a lifecycle event so far. */
    static TrackerView unknown(long sourceId) {
        return new TrackerView(sourceId, null, null, null, null, null, null, null, null);
    }

    TrackerView withLifecycle(String change) {
        return new TrackerView(sourceId, lat, lng, heading, speed, movement, connection, change, updated);
    }
}
