package io.github.camelnavixy.simulator;

import java.time.Instant;

/**
 * The simulator's ground truth for one tracker, as of the latest tick: exactly the values last put on the wire, so
 * a test can compare what a client received with what the server believes.
 *
 * @param trackerId      Navixy tracker id (what subscriptions name)
 * @param sourceId       Navixy source id (what state events carry); never equal to the tracker id
 * @param label          human readable name
 * @param lat            latitude in degrees
 * @param lng            longitude in degrees
 * @param speed          speed in km/h, as sent ({@code gps.speed})
 * @param heading        heading in degrees 0-359, as sent
 * @param movementStatus {@code moving}, {@code stopped} or {@code parked}
 * @param ignition       ignition state
 * @param odometerKm     odometer counter in km
 * @param lastUpdate     wall-clock time of the tracker's last report
 * @param blocked        whether the tracker is currently blocked (no events flow for it)
 */
public record TrackerTruth(long trackerId, long sourceId, String label, double lat, double lng, int speed,
        int heading, String movementStatus, boolean ignition, double odometerKm, Instant lastUpdate,
        boolean blocked) {
}
