package io.github.camelnavixy.simulator;

/**
 * Great-circle helpers for moving vehicles: enough precision for city-scale routes, no dependency.
 */
final class GeoMath {

    private static final double EARTH_RADIUS_M = 6_371_000.0;

    private GeoMath() {
    }

    /** Distance in metres between two points. */
    static double distance(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Initial bearing in degrees [0, 360) from point 1 towards point 2. */
    static double bearing(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lng2 - lng1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360.0) % 360.0;
    }

    /** The point reached from (lat, lng) after {@code metres} along {@code bearingDeg}; returns {lat, lng}. */
    static double[] destination(double lat, double lng, double bearingDeg, double metres) {
        double d = metres / EARTH_RADIUS_M;
        double b = Math.toRadians(bearingDeg);
        double p1 = Math.toRadians(lat);
        double l1 = Math.toRadians(lng);
        double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        double l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        return new double[] { Math.toDegrees(p2), ((Math.toDegrees(l2) + 540.0) % 360.0) - 180.0 };
    }
}
