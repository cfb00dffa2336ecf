package io.cordon.server.timeline;

import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.TrackPoint;
import io.cordon.api.v1.VehicleTimelineTrack;
import java.time.Instant;
import java.util.Arrays;

/** One vehicle's fixes, oldest first, in growable primitive arrays (a day at 1 Hz is 86,400). */
final class Fixes {

  final String plate;
  String vehicleClass = "";
  int size;
  private double[] lon = new double[64];
  private double[] lat = new double[64];
  private double[] heading = new double[64];
  private double[] speed = new double[64];
  private long[] micros = new long[64];

  Fixes(String plate) {
    this.plate = plate;
  }

  void add(double x, double y, double h, double s, Instant at, String vehicleClass) {
    if (size == lon.length) {
      int n = size * 2;
      lon = Arrays.copyOf(lon, n);
      lat = Arrays.copyOf(lat, n);
      heading = Arrays.copyOf(heading, n);
      speed = Arrays.copyOf(speed, n);
      micros = Arrays.copyOf(micros, n);
    }
    lon[size] = x;
    lat[size] = y;
    heading[size] = h;
    speed[size] = s;
    micros[size] = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    this.vehicleClass = vehicleClass;
    size++;
  }

  Instant time(int i) {
    return Instant.ofEpochSecond(Math.floorDiv(micros[i], 1_000_000L), Math.floorMod(micros[i], 1_000_000L) * 1_000L);
  }

  TrackPoint point(int i) {
    return TrackPoint.newBuilder()
        .setTime(Times.timestamp(time(i)))
        .setPosition(LonLat.newBuilder().setLon(lon[i]).setLat(lat[i]))
        .setSpeedKmh(speed[i])
        .setHeadingDeg(heading[i])
        .build();
  }

  /** The track with at most {@code maxPoints} points, evenly spaced, first and last kept. */
  VehicleTimelineTrack track(int maxPoints) {
    VehicleTimelineTrack.Builder t = VehicleTimelineTrack.newBuilder().setPlate(plate).setVehicleClass(vehicleClass)
        .setTotalPoints(size);
    for (int i : Thinning.evenly(size, maxPoints)) {
      t.addPoints(point(i));
    }
    return t.build();
  }
}
