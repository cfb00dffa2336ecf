package io.cordon.server.track;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.VehiclePosition;
import io.cordon.api.v1.VehicleTrack;
import io.cordon.domain.track.TrackPoint;
import java.time.Instant;

/** Live view values as {@code cordon.v1} messages. */
public final class TrackMessages {

  private TrackMessages() {
  }

  static VehicleTrack toProto(LiveVehicle vehicle) {
    VehicleTrack.Builder track = VehicleTrack.newBuilder()
        .setPlate(vehicle.plate())
        .setPlateColor(PlateColor.valueOf("PLATE_COLOR_" + vehicle.plateColor().name()))
        .setVehicleClass(VehicleClass.valueOf("VEHICLE_CLASS_" + vehicle.vehicleClass().name()))
        .setCurrent(toProto(vehicle.current()));
    for (TrackPoint point : vehicle.trail()) {
      track.addTrail(toProto(point));
    }
    LiveTags tags = vehicle.tags();
    if (tags != LiveTags.NONE) {
      track.setTerminalNumber(tags.terminalNumber())
          .setTripId(tags.tripId())
          .setPermitId(tags.permitId())
          .setUnbound(tags.unbound())
          .addAllViolations(tags.violations());
    }
    return track.build();
  }

  /** A fix as a message. */
  public static VehiclePosition toProto(TrackPoint point) {
    return VehiclePosition.newBuilder()
        .setPosition(LonLat.newBuilder().setLon(point.lon()).setLat(point.lat()))
        .setHeadingDeg(point.headingDeg())
        .setSpeedKmh(point.speedKmh())
        .setTime(timestamp(Instant.ofEpochMilli(point.epochMillis())))
        .build();
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
