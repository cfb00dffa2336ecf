package io.cordon.map.replay;

/**
 * Where the replayed vehicle is at the cursor time (interpolated by the application).
 *
 * @param limitKmh the road's limit there; 0 = unknown
 */
public record ReplayCursor(double lon, double lat, double headingDeg, double speedKmh, double limitKmh) {}
