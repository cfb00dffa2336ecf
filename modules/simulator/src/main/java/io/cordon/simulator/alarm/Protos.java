package io.cordon.simulator.alarm;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.LonLat;
import java.time.Instant;

/** Small proto builders the sources share. */
final class Protos {

  private Protos() {
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** A snapshot kept on the media server, referenced as media://snapshots/&lt;device&gt;/&lt;epoch-ms&gt;.jpg. */
  static Evidence snapshot(String deviceId, Instant at) {
    return Evidence.newBuilder().setKind("snapshot")
        .setReference("media://snapshots/" + deviceId + "/" + at.toEpochMilli() + ".jpg")
        .setTime(timestamp(at)).build();
  }

  static LonLat lonLat(double lon, double lat) {
    return LonLat.newBuilder().setLon(lon).setLat(lat).build();
  }
}
