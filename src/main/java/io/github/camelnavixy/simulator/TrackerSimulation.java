package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated vehicle. It drives a closed loop of waypoints around the city at plausible speeds (accelerating and
 * braking at a few m/s², cruising between 10 and 130 km/h, now and then above 80), halts at waypoints (a short stop
 * with the engine on, or a park with the ignition off), and keeps its sensors consistent with that: fuel drops and
 * the odometer grows with distance, board voltage follows the ignition, the cargo temperature drifts.
 *
 * <p>Not thread-safe: only the simulator's event loop touches it. Readers on other threads use {@link TrackerTruth}.
 */
final class TrackerSimulation {

    enum Phase { DRIVING, BRAKING_TO_STOP, BRAKING_TO_PARK, STOPPED, PARKED }

    /** A parked tracker still reports (a keep-alive), but only every few ticks. */
    private static final int PARKED_REPORT_EVERY = 5;
    private static final double ACCEL_MS2 = 2.5;
    private static final double BRAKE_MS2 = 4.0;

    final long trackerId;
    final long sourceId;
    final String label;
    private final Random random;
    private final List<double[]> route;
    private final boolean hasBattery;
    private final IotHistory iot = new IotHistory();
    private final TrackHistory track = new TrackHistory();

    private int nextWaypoint;
    private double lat;
    private double lng;
    private double speedKmh;
    private double targetSpeedKmh;
    private double heading;
    private double alt;
    private Phase phase;
    private int phaseTicksLeft;
    private int ticksSinceReport;
    private boolean corrupted;

    private boolean ignition;
    private String movementStatus;
    private Instant gpsUpdated;
    private Instant lastUpdate;
    private Instant movementStatusUpdate;
    private Instant ignitionUpdate;
    private Instant inputsUpdate;
    private Instant outputsUpdate;
    private Instant actualTrackUpdate;
    private Instant sensorsUpdate;
    private Instant counterUpdate;

    private int satellites;
    private int gsmSignal;
    private int batteryLevel;
    private double boardVoltage;
    private double fuelLitres;
    private double temperatureC;
    private double odometerKm;
    private double engineHours;
    private int eventCode;

    TrackerSimulation(long trackerId, long sourceId, String label, double cityLat, double cityLng, Random random,
            Instant now) {
        this.trackerId = trackerId;
        this.sourceId = sourceId;
        this.label = label;
        this.random = random;
        this.route = buildRoute(cityLat, cityLng, random);
        this.hasBattery = random.nextInt(3) == 0;
        int start = random.nextInt(route.size());
        double[] a = route.get(start);
        double[] b = route.get((start + 1) % route.size());
        double f = random.nextDouble();
        this.lat = a[0] + (b[0] - a[0]) * f;
        this.lng = a[1] + (b[1] - a[1]) * f;
        this.nextWaypoint = (start + 1) % route.size();
        this.heading = GeoMath.bearing(lat, lng, b[0], b[1]);
        this.alt = 1450 + random.nextInt(150);
        this.satellites = 8 + random.nextInt(7);
        this.gsmSignal = 60 + random.nextInt(40);
        this.batteryLevel = 80 + random.nextInt(21);
        this.fuelLitres = 20 + random.nextInt(40);
        this.temperatureC = 2 + random.nextDouble() * 4;
        this.odometerKm = 10_000 + random.nextInt(150_000) + random.nextInt(100) / 100.0;
        this.engineHours = 500 + random.nextInt(5_000);
        if (random.nextDouble() < 0.6) {
            phase = Phase.DRIVING;
            ignition = true;
            speedKmh = 20 + random.nextInt(91);
            targetSpeedKmh = pickCruiseSpeed();
        } else {
            phase = Phase.PARKED;
            ignition = false;
            speedKmh = 0;
            phaseTicksLeft = 5 + random.nextInt(30);
        }
        this.boardVoltage = voltageFor(ignition);
        this.movementStatus = deriveMovementStatus();
        Instant past = now.minus(Duration.ofMinutes(5 + random.nextInt(120)));
        this.gpsUpdated = now;
        this.lastUpdate = now;
        this.movementStatusUpdate = past;
        this.ignitionUpdate = past;
        this.inputsUpdate = now;
        this.outputsUpdate = past;
        this.actualTrackUpdate = past;
        this.sensorsUpdate = now;
        this.counterUpdate = now;
        this.eventCode = 1;
        recordIotMessage(now);
        recordTrackPoint(now);
    }

    private static List<double[]> buildRoute(double cityLat, double cityLng, Random random) {
        // a perturbed circle of 5-8 waypoints, centred somewhere within 6 km of the city centre, radius 1.5-5 km
        double[] centre = GeoMath.destination(cityLat, cityLng, random.nextDouble() * 360, random.nextDouble() * 6000);
        double radius = 1500 + random.nextDouble() * 3500;
        int n = 5 + random.nextInt(4);
        boolean clockwise = random.nextBoolean();
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double angle = (clockwise ? 1 : -1) * (360.0 * i / n) + random.nextDouble() * 20 - 10;
            double r = radius * (0.75 + random.nextDouble() * 0.5);
            points.add(GeoMath.destination(centre[0], centre[1], (angle + 360) % 360, r));
        }
        return points;
    }

    /**
     * Advances the vehicle by {@code simSeconds} of simulated time.
     *
     * @return true when the tracker reported in this tick (its state, readings and IoT values changed)
     */
    boolean step(double simSeconds, Instant now) {
        if (corrupted) {
            return false;
        }
        String before = movementStatus;
        boolean ignitionBefore = ignition;
        switch (phase) {
            case DRIVING, BRAKING_TO_STOP, BRAKING_TO_PARK -> drive(simSeconds);
            case STOPPED -> {
                if (--phaseTicksLeft <= 0) {
                    startDriving();
                }
            }
            case PARKED -> {
                if (--phaseTicksLeft <= 0) {
                    ignition = true;
                    startDriving();
                }
            }
            default -> throw new IllegalStateException(phase.toString());
        }
        if (ignition) {
            engineHours += simSeconds / 3600.0;
        }
        movementStatus = deriveMovementStatus();
        if (!movementStatus.equals(before)) {
            movementStatusUpdate = now;
            eventCode = switch (movementStatus) {
                case "moving" -> 1;
                case "stopped" -> 2;
                default -> 3;
            };
        }
        if (ignition != ignitionBefore) {
            ignitionUpdate = now;
            inputsUpdate = now;
        }
        boolean reports = phase != Phase.PARKED || ++ticksSinceReport >= PARKED_REPORT_EVERY
                || !movementStatus.equals(before);
        if (!reports) {
            return false;
        }
        ticksSinceReport = 0;
        jitterSensors();
        gpsUpdated = now;
        lastUpdate = now;
        sensorsUpdate = now;
        if (speedKmh > 0) {
            actualTrackUpdate = now;
            counterUpdate = now;
        }
        recordIotMessage(now);
        recordTrackPoint(now);
        return true;
    }

    /** What track/read will serve: the GPS time as it goes on the wire (whole seconds) with the position sent. */
    private void recordTrackPoint(Instant now) {
        track.add(new TrackPointTruth(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), lat, lng, speedInt(),
                headingInt(), altInt(), satellites, round2(odometerKm), "parked".equals(movementStatus)));
    }

    private void drive(double simSeconds) {
        double target = phase == Phase.DRIVING ? targetSpeedKmh : 0;
        double maxUp = ACCEL_MS2 * simSeconds * 3.6;
        double maxDown = BRAKE_MS2 * simSeconds * 3.6;
        double delta = Math.max(-maxDown, Math.min(maxUp, target - speedKmh));
        speedKmh = Math.max(0, speedKmh + delta);
        if (phase == Phase.DRIVING && random.nextDouble() < 0.03) {
            targetSpeedKmh = pickCruiseSpeed();
        }
        double metres = speedKmh / 3.6 * simSeconds;
        moveAlongRoute(metres);
        double km = metres / 1000.0;
        odometerKm += km;
        fuelLitres = Math.max(0, fuelLitres - km * 0.11);
        if (speedKmh <= 0.5 && phase != Phase.DRIVING) {
            speedKmh = 0;
            if (phase == Phase.BRAKING_TO_STOP) {
                phase = Phase.STOPPED;
                phaseTicksLeft = 2 + random.nextInt(5);
            } else {
                phase = Phase.PARKED;
                phaseTicksLeft = 10 + random.nextInt(30);
                ignition = false;
                if (fuelLitres < 10) {
                    fuelLitres = 55 + random.nextInt(10);
                }
            }
        }
    }

    private void moveAlongRoute(double metres) {
        double remaining = metres;
        int guard = 0;
        while (remaining > 0 && guard++ < 16) {
            double[] wp = route.get(nextWaypoint);
            double toWp = GeoMath.distance(lat, lng, wp[0], wp[1]);
            heading = GeoMath.bearing(lat, lng, wp[0], wp[1]);
            if (toWp > remaining) {
                double[] p = GeoMath.destination(lat, lng, heading, remaining);
                lat = p[0];
                lng = p[1];
                return;
            }
            lat = wp[0];
            lng = wp[1];
            remaining -= toWp;
            nextWaypoint = (nextWaypoint + 1) % route.size();
            arriveAtWaypoint();
        }
    }

    private void arriveAtWaypoint() {
        if (phase != Phase.DRIVING) {
            return;
        }
        double roll = random.nextDouble();
        if (roll < 0.12) {
            phase = Phase.BRAKING_TO_PARK;
        } else if (roll < 0.35) {
            phase = Phase.BRAKING_TO_STOP;
        }
    }

    private void startDriving() {
        phase = Phase.DRIVING;
        targetSpeedKmh = pickCruiseSpeed();
        double[] wp = route.get(nextWaypoint);
        heading = GeoMath.bearing(lat, lng, wp[0], wp[1]);
    }

    private double pickCruiseSpeed() {
        double roll = random.nextDouble();
        if (roll < 0.1) {
            return 10 + random.nextInt(20);
        }
        if (roll < 0.72) {
            return 30 + random.nextInt(50);
        }
        return 80 + random.nextInt(51);
    }

    private String deriveMovementStatus() {
        if (!ignition) {
            return "parked";
        }
        return speedKmh > 0 ? "moving" : "stopped";
    }

    private double voltageFor(boolean on) {
        return round2(on ? 13.8 + random.nextDouble() * 0.5 : 12.3 + random.nextDouble() * 0.5);
    }

    private void jitterSensors() {
        boardVoltage = voltageFor(ignition);
        temperatureC = Math.max(-2, Math.min(8, temperatureC + (random.nextDouble() - 0.5) * 0.4));
        satellites = Math.max(4, Math.min(16, satellites + random.nextInt(3) - 1));
        gsmSignal = Math.max(20, Math.min(100, gsmSignal + random.nextInt(7) - 3));
        if (hasBattery && random.nextInt(20) == 0) {
            batteryLevel = Math.max(50, Math.min(100, batteryLevel + (ignition ? 1 : -1)));
        }
        alt = Math.max(1300, Math.min(1700, alt + random.nextInt(5) - 2));
    }

    private void recordIotMessage(Instant now) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("satellites", satellites);
        attrs.put("heading", headingInt());
        attrs.put("latitude", String.format(java.util.Locale.ROOT, "%.7f", lat));
        attrs.put("longitude", String.format(java.util.Locale.ROOT, "%.7f", lng));
        // the fuel probe now and then misses a message: that is what makes all_fields differ from nonnull_fields
        attrs.put("lls_level_1", random.nextInt(6) == 0 ? null : String.format(java.util.Locale.ROOT, "%.4f", fuelLitres * 4.4));
        attrs.put("speed", speedInt());
        attrs.put("ignition", ignition ? 1 : 0);
        Instant srv = now.plusMillis(random.nextInt(900));
        iot.add(new IotHistory.Message(now, srv, attrs));
    }

    void corrupt() {
        corrupted = true;
    }

    boolean corrupted() {
        return corrupted;
    }

    TrackerTruth truth(boolean blocked) {
        return new TrackerTruth(trackerId, sourceId, label, lat, lng, speedInt(), headingInt(), movementStatus,
                ignition, round2(odometerKm), lastUpdate, blocked);
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    // --- read accessors for the payload builders -------------------------------------------------------------------

    double lat() { return lat; }
    double lng() { return lng; }
    int speedInt() { return (int) Math.round(speedKmh); }
    int headingInt() { return ((int) Math.round(heading)) % 360; }
    int altInt() { return (int) Math.round(alt); }
    int satellites() { return satellites; }
    int gpsSignalLevel() { return Math.min(100, satellites * 7); }
    int gsmSignal() { return gsmSignal; }
    boolean ignition() { return ignition; }
    String movementStatus() { return movementStatus; }
    Integer batteryLevel() { return hasBattery ? batteryLevel : null; }
    Instant gpsUpdated() { return gpsUpdated; }
    Instant lastUpdate() { return lastUpdate; }
    Instant movementStatusUpdate() { return movementStatusUpdate; }
    Instant ignitionUpdate() { return ignitionUpdate; }
    Instant inputsUpdate() { return inputsUpdate; }
    Instant outputsUpdate() { return outputsUpdate; }
    Instant actualTrackUpdate() { return actualTrackUpdate; }
    Instant sensorsUpdate() { return sensorsUpdate; }
    Instant counterUpdate() { return counterUpdate; }
    double boardVoltage() { return boardVoltage; }
    double fuelLitres() { return round2(fuelLitres); }
    double temperatureC() { return round2(temperatureC); }
    double odometerKm() { return round2(odometerKm); }
    double engineHours() { return round2(engineHours); }
    int eventCode() { return eventCode; }
    IotHistory iot() { return iot; }
    TrackHistory track() { return track; }
}
