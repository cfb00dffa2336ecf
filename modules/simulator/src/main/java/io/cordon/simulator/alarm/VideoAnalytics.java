package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Camera;
import io.cordon.api.v1.Park;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The video analytics server: one camera's rule fires and it raises the alarm with the snapshot it
 * took. Smoke and fire is rare; line crossing, intrusion and loitering are the everyday ones.
 */
final class VideoAnalytics implements AlarmSource {

  static final String SOURCE_KIND = "camera";

  private final List<Camera> cameras;
  private final Random random;
  private final RequestIds ids;
  private final Weighted<AlarmType> types = new Weighted<AlarmType>()
      .add(AlarmType.ALARM_TYPE_VIDEO_INTRUSION, 20)
      .add(AlarmType.ALARM_TYPE_LINE_CROSSING, 22)
      .add(AlarmType.ALARM_TYPE_LOITERING, 18)
      .add(AlarmType.ALARM_TYPE_CROWDING, 8)
      .add(AlarmType.ALARM_TYPE_VEHICLE_LINGERING, 16)
      .add(AlarmType.ALARM_TYPE_LEFT_OBJECT, 12)
      .add(AlarmType.ALARM_TYPE_SMOKE_FIRE, 2);

  VideoAnalytics(Park park, Random random, RequestIds ids) {
    this.cameras = List.copyOf(park.getCamerasList());
    this.random = random;
    this.ids = ids;
  }

  @Override
  public List<PlannedReport> next(Instant now) {
    if (cameras.isEmpty()) {
      return List.of();
    }
    Camera camera = cameras.get(random.nextInt(cameras.size()));
    AlarmType type = types.pick(random);
    return List.of(new PlannedReport.ToAlarmIngest(Duration.ZERO, AlarmReport.newBuilder()
        .setRequestId(ids.next())
        .setType(type)
        .setSourceKind(SOURCE_KIND)
        .setSourceId(camera.getId())
        .setTime(Protos.timestamp(now))
        .addEvidence(Protos.snapshot(camera.getId(), now))
        .setDetail(detail(type))
        .build()));
  }

  private String detail(AlarmType type) {
    String confidence = String.format(Locale.ROOT, " (confidence %.2f)", 0.6 + 0.39 * random.nextDouble());
    switch (type) {
      case ALARM_TYPE_VIDEO_INTRUSION:
        return "person in restricted area" + confidence;
      case ALARM_TYPE_LINE_CROSSING:
        return "tripwire crossed " + (random.nextBoolean() ? "inbound" : "outbound") + confidence;
      case ALARM_TYPE_LOITERING:
        return "person loitering for " + (2 + random.nextInt(9)) + " min" + confidence;
      case ALARM_TYPE_CROWDING:
        return (8 + random.nextInt(25)) + " persons gathered" + confidence;
      case ALARM_TYPE_VEHICLE_LINGERING:
        return "vehicle stationary for " + (5 + random.nextInt(40)) + " min" + confidence;
      case ALARM_TYPE_LEFT_OBJECT:
        return "object left unattended for " + (3 + random.nextInt(15)) + " min" + confidence;
      case ALARM_TYPE_SMOKE_FIRE:
        return (random.nextBoolean() ? "smoke" : "flame") + " detected" + confidence;
      default:
        return "video analytics alarm" + confidence;
    }
  }
}
