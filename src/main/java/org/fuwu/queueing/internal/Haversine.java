package org.fuwu.queueing.internal;

/**
 * A named policy: the great-circle distance between two points on the earth, by the haversine
 * formula on a sphere of the mean earth radius (6,371.0088 km). Good to about 0.5 % anywhere, far
 * better than a phone's position; used to sort branches by distance. Spring-free.
 */
public final class Haversine {

    /** The mean earth radius (IUGG), in kilometres. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private Haversine() {
    }

    /** The distance in kilometres between two points given in degrees (WGS-84 latitude, longitude). */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        check(lat1, lon1);
        check(lat2, lon2);
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = Math.toRadians(lat2 - lat1);
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static void check(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a position: " + lat + "," + lon);
        }
    }
}
