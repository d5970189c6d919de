package io.github.camelnavixy.examples.livefeed.page;

/**
 * A tracker went over the speed limit (one alert per spell, as on the console).
 *
 * @param sourceId the data source id
 * @param speed    km/h
 * @param lat      where
 * @param lng      where
 * @param time     when the position was taken (ISO-8601), or when the alert was raised if the state has no time
 */
public record SpeedingAlert(long sourceId, int speed, Double lat, Double lng, String time) {
}
