package io.cordon.domain.gate.access;

import io.cordon.domain.capacity.CapacityLimits;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A park's gate settings.
 *
 * @param limits the park's capacity (a limit of 0 or less is off); at the gate {@code maxDangerousVehiclesPerZone}
 *     caps the dangerous vehicles in the whole park, since a perimeter gate does not know the zone they go to
 * @param hazmatFrom start of the hours dangerous-goods vehicles may enter (inclusive), local time in {@code zone}
 * @param hazmatUntil end of those hours (exclusive); before {@code hazmatFrom} for a window across midnight.
 *     Both empty: no time window; exactly one empty is refused
 * @param zone the park's time zone
 * @param antiPassback refuse a second entry without an exit in between
 */
public record AccessSettings(CapacityLimits limits, Optional<LocalTime> hazmatFrom, Optional<LocalTime> hazmatUntil,
    ZoneId zone, boolean antiPassback) {

  /** The guideline's time zone (a Chinese standard); parks in China use it. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public AccessSettings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(hazmatFrom, "hazmatFrom");
    Objects.requireNonNull(hazmatUntil, "hazmatUntil");
    Objects.requireNonNull(zone, "zone");
    if (hazmatFrom.isPresent() != hazmatUntil.isPresent()) {
      throw new IllegalArgumentException("the hazmat hours need both a start and an end, or neither");
    }
    if (hazmatFrom.isPresent() && hazmatFrom.get().equals(hazmatUntil.get())) {
      throw new IllegalArgumentException("the hazmat hours must not be empty");
    }
  }

  /**
   * The guideline (§5.2.4) asks for capacity and time-window control but gives no numbers, so by
   * default both are off and each park configures its own; Asia/Shanghai; anti-passback on.
   */
  public static AccessSettings defaults() {
    return new AccessSettings(new CapacityLimits(0, 0, 0), Optional.empty(), Optional.empty(), CHINA, true);
  }

  public AccessSettings withLimits(CapacityLimits l) {
    return new AccessSettings(l, hazmatFrom, hazmatUntil, zone, antiPassback);
  }

  public AccessSettings withHazmatHours(LocalTime from, LocalTime until) {
    return new AccessSettings(limits, Optional.of(from), Optional.of(until), zone, antiPassback);
  }

  public AccessSettings withZone(ZoneId z) {
    return new AccessSettings(limits, hazmatFrom, hazmatUntil, z, antiPassback);
  }

  public AccessSettings withAntiPassback(boolean on) {
    return new AccessSettings(limits, hazmatFrom, hazmatUntil, zone, on);
  }

  /** True when dangerous vehicles may enter at this local time (always, when no hours are set). */
  public boolean hazmatHoursContain(LocalTime t) {
    if (hazmatFrom.isEmpty()) {
      return true;
    }
    LocalTime from = hazmatFrom.get();
    LocalTime until = hazmatUntil.get();
    return from.isBefore(until)
        ? !t.isBefore(from) && t.isBefore(until)
        : !t.isBefore(from) || t.isBefore(until);
  }
}
