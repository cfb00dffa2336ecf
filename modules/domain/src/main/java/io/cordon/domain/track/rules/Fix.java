package io.cordon.domain.track.rules;

import io.cordon.domain.track.TrackPoint;

/**
 * One position report as the rules see it. Primitive fields only: the engine handles tens of
 * thousands of these a second.
 *
 * @param epochMillis when the fix was taken, ms since the epoch (UTC)
 * @param lon WGS84 longitude, degrees
 * @param lat WGS84 latitude, degrees
 * @param speedKmh ground speed, km/h
 * @param headingDeg direction of travel, degrees clockwise from north
 * @param valid the receiver had a position fix (JT/T 808 status bit 1); an invalid fix's position is ignored
 * @param alarmBits the terminal's alarm word (JT/T 808 table 24), see {@link TerminalAlarm}
 */
public record Fix(long epochMillis, double lon, double lat, double speedKmh, double headingDeg, boolean valid,
    long alarmBits) {

  /** A valid fix without alarm bits. */
  public static Fix of(TrackPoint point) {
    return new Fix(point.epochMillis(), point.lon(), point.lat(), point.speedKmh(), point.headingDeg(), true, 0);
  }

  public Fix withAlarmBits(long bits) {
    return new Fix(epochMillis, lon, lat, speedKmh, headingDeg, valid, bits);
  }
}
