package io.cordon.devices.track;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import com.google.rpc.BadRequest.FieldViolation;
import io.cordon.api.v1.PositionBatch;
import io.cordon.api.v1.VehicleFix;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link PositionBatch}; every broken rule becomes one field violation naming its path
 * ({@code fixes[3].plate}). The batch passes only when every fix does: the caller refuses it
 * whole otherwise. At most {@link #MAX_VIOLATIONS} violations are reported (the last one says how
 * many more there were), so the error always fits into the status trailer.
 */
final class PositionBatchValidator {

  static final int MAX_FIXES = 5_000;
  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_VIOLATIONS = 20;
  static final double MAX_SPEED_KMH = 250;
  /** Device clocks drift; anything further ahead than this is a broken clock, not a fix. */
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Clock clock;
  private final ServiceArea area;

  PositionBatchValidator(Clock clock, ServiceArea area) {
    this.clock = clock;
    this.area = area;
  }

  /** The violations of the batch, empty when it may be stored. */
  List<FieldViolation> violations(PositionBatch batch) {
    Violations violations = new Violations();
    String requestId = batch.getRequestId();
    if (requestId.isEmpty()) {
      violations.add("request_id", "is required");
    } else if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
      violations.add("request_id", "must be at most " + MAX_REQUEST_ID_LENGTH + " UTF-16 code units");
    } else if (requestId.chars().anyMatch(Character::isISOControl)) {
      violations.add("request_id", "must not contain control characters");
    }
    if (batch.getFixesCount() == 0) {
      violations.add("fixes", "must hold at least one fix");
    } else if (batch.getFixesCount() > MAX_FIXES) {
      violations.add("fixes", "must hold at most " + MAX_FIXES + " fixes, not " + batch.getFixesCount());
      return violations.list(); // not worth checking each of them
    }
    Instant latest = clock.instant().plus(MAX_CLOCK_AHEAD);
    for (int i = 0; i < batch.getFixesCount(); i++) {
      checkFix(violations, "fixes[" + i + "].", batch.getFixes(i), latest);
    }
    return violations.list();
  }

  /** The fixes of a batch that passed {@link #violations(PositionBatch)}, as domain values. */
  static List<ReportedFix> fixes(PositionBatch batch) {
    List<ReportedFix> fixes = new ArrayList<>(batch.getFixesCount());
    for (VehicleFix fix : batch.getFixesList()) {
      Instant time = instant(fix.getTime());
      fixes.add(new ReportedFix(
          Plate.parse(fix.getPlate()),
          plateColor(fix.getPlateColor()),
          vehicleClass(fix.getVehicleClass()),
          new TrackPoint(fix.getPosition().getLon(), fix.getPosition().getLat(),
              fix.getHeadingDeg() == 360 ? 0 : fix.getHeadingDeg(), fix.getSpeedKmh(), time.toEpochMilli())));
    }
    return fixes;
  }

  private void checkFix(Violations violations, String path, VehicleFix fix, Instant latest) {
    try {
      Plate.parse(fix.getPlate());
    } catch (IllegalArgumentException e) {
      violations.add(path + "plate", e.getMessage());
    }
    if (plateColor(fix.getPlateColor()) == null) {
      violations.add(path + "plate_color", "must be BLUE, YELLOW, GREEN, YELLOW_GREEN, WHITE or BLACK");
    }
    if (vehicleClass(fix.getVehicleClass()) == null) {
      violations.add(path + "vehicle_class", "must be ORDINARY, COMMUTER, CONSTRUCTION, HAZMAT or HAZWASTE");
    }
    checkPosition(violations, path, fix);
    double heading = fix.getHeadingDeg();
    if (!(heading >= 0 && heading <= 360)) {
      violations.add(path + "heading_deg", "must be 0..360 degrees clockwise from north");
    }
    double speed = fix.getSpeedKmh();
    if (!(speed >= 0 && speed <= MAX_SPEED_KMH)) {
      violations.add(path + "speed_kmh", "must be 0.." + (int) MAX_SPEED_KMH + " km/h");
    }
    checkTime(violations, path, fix, latest);
  }

  private void checkPosition(Violations violations, String path, VehicleFix fix) {
    if (!fix.hasPosition()) {
      violations.add(path + "position", "is required");
      return;
    }
    double lon = fix.getPosition().getLon();
    double lat = fix.getPosition().getLat();
    boolean lonOk = Double.isFinite(lon) && lon >= -180 && lon <= 180;
    boolean latOk = Double.isFinite(lat) && lat >= -90 && lat <= 90;
    if (!lonOk) {
      violations.add(path + "position.lon", "must be a WGS84 longitude, -180..180 degrees");
    }
    if (!latOk) {
      violations.add(path + "position.lat", "must be a WGS84 latitude, -90..90 degrees");
    }
    if (lonOk && latOk && !area.contains(lon, lat)) {
      violations.add(path + "position", "is far outside the park (accepted: " + area + ")");
    }
  }

  private void checkTime(Violations violations, String path, VehicleFix fix, Instant latest) {
    if (!fix.hasTime()) {
      violations.add(path + "time", "is required");
    } else if (!Timestamps.isValid(fix.getTime())) {
      violations.add(path + "time", "is not a valid timestamp");
    } else {
      Instant time = instant(fix.getTime());
      if (time.isBefore(EARLIEST)) {
        violations.add(path + "time", "must not be before " + EARLIEST);
      } else if (time.isAfter(latest)) {
        violations.add(path + "time", "must not be more than " + MAX_CLOCK_AHEAD.toMinutes()
            + " minutes in the future");
      }
    }
  }

  static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }

  static PlateColor plateColor(io.cordon.api.v1.PlateColor color) {
    switch (color) {
      case PLATE_COLOR_BLUE:
        return PlateColor.BLUE;
      case PLATE_COLOR_YELLOW:
        return PlateColor.YELLOW;
      case PLATE_COLOR_GREEN:
        return PlateColor.GREEN;
      case PLATE_COLOR_YELLOW_GREEN:
        return PlateColor.YELLOW_GREEN;
      case PLATE_COLOR_WHITE:
        return PlateColor.WHITE;
      case PLATE_COLOR_BLACK:
        return PlateColor.BLACK;
      default:
        return null;
    }
  }

  static VehicleClass vehicleClass(io.cordon.api.v1.VehicleClass vehicleClass) {
    switch (vehicleClass) {
      case VEHICLE_CLASS_ORDINARY:
        return VehicleClass.ORDINARY;
      case VEHICLE_CLASS_COMMUTER:
        return VehicleClass.COMMUTER;
      case VEHICLE_CLASS_CONSTRUCTION:
        return VehicleClass.CONSTRUCTION;
      case VEHICLE_CLASS_HAZMAT:
        return VehicleClass.HAZMAT;
      case VEHICLE_CLASS_HAZWASTE:
        return VehicleClass.HAZWASTE;
      default:
        return null;
    }
  }

  /** Collects violations up to the cap and counts the rest. */
  private static final class Violations {
    private final List<FieldViolation> list = new ArrayList<>();
    private int more;

    void add(String field, String description) {
      if (list.size() < MAX_VIOLATIONS) {
        list.add(FieldViolation.newBuilder().setField(field).setDescription(description).build());
      } else {
        more++;
      }
    }

    List<FieldViolation> list() {
      if (more > 0) {
        list.add(FieldViolation.newBuilder().setField("fixes")
            .setDescription(more + " more violations not listed").build());
      }
      return list;
    }
  }
}
