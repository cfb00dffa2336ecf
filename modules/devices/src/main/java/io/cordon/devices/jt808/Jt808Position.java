package io.cordon.devices.jt808;

import java.time.Instant;
import java.util.Objects;

/**
 * One position of a terminal, as handed to the {@link Jt808PositionSink}: what the frame said,
 * in plain units, nothing filtered yet (invalid fixes, duplicates and jumps are the track
 * pipeline's business).
 *
 * @param terminalNumber the terminal number from the header (hex digits, see {@link Jt808Header})
 * @param fixTime time of the fix in UTC (the frame's GMT+8 converted)
 * @param receivedAt when the server read the frame (to judge clock skew and late data)
 * @param latitude degrees, negative south
 * @param longitude degrees, negative west
 * @param speedKmh speed in km/h
 * @param course heading in degrees, 0 = north, clockwise
 * @param altitudeMetres altitude in metres
 * @param alarmFlags the terminal's alarm bits (bit 0 SOS, ...)
 * @param statusFlags the terminal's status bits (bit 0 ACC, bit 1 positioned, ...)
 * @param validFix whether the terminal says the fix is valid (status bit 1)
 * @param mileageKm odometer in km, null when not reported
 * @param satellites GNSS satellites used, null when not reported
 * @param signalStrength wireless signal strength, null when not reported
 * @param origin live report, batch or blind-area supplement
 * @param authenticated whether the connection had authenticated this terminal (false only when the
 *     server is configured to take positions from unauthenticated terminals)
 */
public record Jt808Position(String terminalNumber, Instant fixTime, Instant receivedAt, double latitude,
    double longitude, double speedKmh, int course, int altitudeMetres, long alarmFlags, long statusFlags,
    boolean validFix, Double mileageKm, Integer satellites, Integer signalStrength, Jt808PositionOrigin origin,
    boolean authenticated) {

  public Jt808Position {
    Objects.requireNonNull(terminalNumber, "terminalNumber");
    Objects.requireNonNull(fixTime, "fixTime");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(origin, "origin");
  }

  /** The position a decoded location stands for. */
  public static Jt808Position of(String terminalNumber, Location location, Instant receivedAt,
      Jt808PositionOrigin origin, boolean authenticated) {
    return new Jt808Position(terminalNumber, location.fixTime(), receivedAt, location.latitude(), location.longitude(),
        location.speedKmh(), location.course(), location.altitudeMetres(), location.alarmFlags(),
        location.statusFlags(), location.validFix(),
        location.mileageKm().isPresent() ? location.mileageKm().getAsDouble() : null,
        location.satellites().isPresent() ? location.satellites().getAsInt() : null,
        location.signalStrength().isPresent() ? location.signalStrength().getAsInt() : null, origin, authenticated);
  }
}
