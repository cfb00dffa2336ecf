package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Park;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The device-health monitor: a camera or gate controller gone offline, tampered with or faulty.
 * Cameras are most of the devices, so most of these. (Sensor health comes from the sensors'
 * own tamper and fault reports and the server's heartbeat watchdog.)
 */
final class DeviceHealth implements AlarmSource {

  static final double CAMERA_SHARE = 0.8;

  private final List<String> cameras;
  private final List<String> gates;
  private final Random random;
  private final RequestIds ids;
  private final Weighted<AlarmType> types = new Weighted<AlarmType>()
      .add(AlarmType.ALARM_TYPE_DEVICE_OFFLINE, 45)
      .add(AlarmType.ALARM_TYPE_DEVICE_FAULT, 35)
      .add(AlarmType.ALARM_TYPE_DEVICE_TAMPER, 20);

  DeviceHealth(Park park, Random random, RequestIds ids) {
    this.cameras = park.getCamerasList().stream().map(c -> c.getId()).toList();
    this.gates = park.getGatesList().stream().map(g -> g.getId()).toList();
    this.random = random;
    this.ids = ids;
  }

  @Override
  public List<PlannedReport> next(Instant now) {
    if (cameras.isEmpty() && gates.isEmpty()) {
      return List.of();
    }
    boolean camera = gates.isEmpty() || (!cameras.isEmpty() && random.nextDouble() < CAMERA_SHARE);
    String id = camera ? cameras.get(random.nextInt(cameras.size())) : gates.get(random.nextInt(gates.size()));
    AlarmType type = types.pick(random);
    return List.of(new PlannedReport.ToAlarmIngest(Duration.ZERO, AlarmReport.newBuilder()
        .setRequestId(ids.next())
        .setType(type)
        .setSourceKind(camera ? VideoAnalytics.SOURCE_KIND : GateEvents.SOURCE_KIND)
        .setSourceId(id)
        .setTime(Protos.timestamp(now))
        .setDetail(detail(type, camera))
        .build()));
  }

  private static String detail(AlarmType type, boolean camera) {
    switch (type) {
      case ALARM_TYPE_DEVICE_OFFLINE:
        return camera ? "no video stream for 60 s" : "gate controller not responding";
      case ALARM_TYPE_DEVICE_TAMPER:
        return camera ? "lens covered or camera moved" : "controller cabinet opened";
      default:
        return camera ? "video signal lost" : "barrier motor fault";
    }
  }
}
