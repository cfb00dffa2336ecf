package io.cordon.domain.track;

/**
 * One position fix of a vehicle.
 *
 * @param lon WGS84 longitude, degrees
 * @param lat WGS84 latitude, degrees
 * @param headingDeg direction of travel, degrees clockwise from north, 0 ≤ h &lt; 360
 * @param speedKmh ground speed, km/h
 * @param epochMillis when the fix was taken, milliseconds since the epoch (UTC)
 */
public record TrackPoint(double lon, double lat, double headingDeg, double speedKmh, long epochMillis) {}
