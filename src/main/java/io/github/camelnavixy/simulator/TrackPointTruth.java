package io.github.camelnavixy.simulator;

import java.time.Instant;

/**
 * One point of a simulated tracker's recorded track, as {@code track/read} serves it: at most one per tracker and GPS
 * second (the first report of that second), since Navixy's timestamps have whole seconds.
 *
 * @param gpsTime    GPS time, whole seconds
 * @param lat        latitude
 * @param lng        longitude
 * @param speed      km/h
 * @param heading    degrees 0-359
 * @param alt        metres
 * @param satellites satellites in view
 * @param mileage    odometer in km
 * @param parking    true when the vehicle was parked (track/read drops it unless {@code filter=false})
 */
public record TrackPointTruth(Instant gpsTime, double lat, double lng, int speed, int heading, int alt, int satellites,
        double mileage, boolean parking) {
}
