package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.DispatchTask;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SopOption;
import io.cordon.api.v1.SopOutcome;
import io.cordon.api.v1.SopProgress;
import io.cordon.api.v1.SopStep;
import io.cordon.api.v1.ZoneClass;
import io.cordon.client.alarm.AlarmProtos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Realistic alarms of a riverside chemical park, as the server would send them (tests and the screenshot). */
final class AlarmDemoData {
  private AlarmDemoData() {}

  static Alarm.Builder alarm(String id, AlarmType type, AlarmSeverity severity, ZoneClass zoneClass, String zoneId,
      Instant firstAt) {
    return Alarm.newBuilder()
        .setAlarmId(id).setIncidentId(id).setVersion(1).setSeq(1)
        .setType(type).setSeverity(severity).setState(AlarmState.ALARM_STATE_NEW)
        .setSourceKind("sensor").setSourceId("S-0" + id.substring(5))
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.951).setLat(31.934))
            .setZoneId(zoneId).setZoneClass(zoneClass))
        .setCount(1)
        .setFirstAt(AlarmProtos.timestamp(firstAt)).setLastAt(AlarmProtos.timestamp(firstAt))
        .setAckDue(AlarmProtos.timestamp(firstAt.plusSeconds(60)))
        .addHistory(AlarmTransition.newBuilder().setAction("raised").setBy("system")
            .setTo(AlarmState.ALARM_STATE_NEW).setAt(AlarmProtos.timestamp(firstAt)));
  }

  static SopProgress intrusionSop(List<SopOutcome> outcomes, List<String> next, boolean mandatoryDone) {
    return SopProgress.newBuilder().setSopId("SOP-PERIMETER")
        .addSteps(SopStep.newBuilder().setStepId("check").setMandatory(true)
            .setTextZh("调取联动视频，确认是否有人员翻越").setTextEn("Check the linked video for a climber")
            .addOptions(SopOption.newBuilder().setAnswerId("real").setTextZh("确认有人员入侵").setTextEn("Intruder seen")
                .setNextStepId("patrol"))
            .addOptions(SopOption.newBuilder().setAnswerId("none").setTextZh("未见异常").setTextEn("Nothing seen")
                .setNextStepId("log")))
        .addSteps(SopStep.newBuilder().setStepId("patrol").setMandatory(true).setNextStepId("report")
            .setTextZh("通知就近巡逻队到场处置").setTextEn("Send the nearest patrol"))
        .addSteps(SopStep.newBuilder().setStepId("report").setMandatory(true).setNextStepId("log")
            .setTextZh("报告值班长及安全管理部").setTextEn("Report to the supervisor and the safety office"))
        .addSteps(SopStep.newBuilder().setStepId("log").setTextZh("记录处置情况并关闭").setTextEn("Log and close"))
        .addAllOutcomes(outcomes).addAllNextStepIds(next).setMandatoryDone(mandatoryDone).build();
  }

  /** A dozen alarms in every state, two of them one incident. */
  static List<Alarm> park(Instant now) {
    List<Alarm> alarms = new ArrayList<>();
    alarms.add(alarm("A-000101", AlarmType.ALARM_TYPE_PERIMETER_INTRUSION, AlarmSeverity.ALARM_SEVERITY_CRITICAL,
        ZoneClass.ZONE_CLASS_CORE, "Z-CORE-2", now.minusSeconds(42))
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.9518).setLat(31.9342))
            .setZoneId("Z-CORE-2").setZoneClass(ZoneClass.ZONE_CLASS_CORE).setSegmentId("SEG-07"))
        .setCount(3).setLastAt(AlarmProtos.timestamp(now.minusSeconds(8)))
        .setDetail("埋地电缆振动，强度 0.82")
        .addLinkedCameraIds("CAM-12").addLinkedCameraIds("CAM-13")
        .addEvidence(Evidence.newBuilder().setKind("snapshot").setReference("media://CAM-12/20261125-100412.jpg")
            .setTime(AlarmProtos.timestamp(now.minusSeconds(40))))
        .setSop(intrusionSop(List.of(), List.of("check"), false))
        .build());
    alarms.add(alarm("A-000102", AlarmType.ALARM_TYPE_PERIMETER_INTRUSION, AlarmSeverity.ALARM_SEVERITY_MAJOR,
        ZoneClass.ZONE_CLASS_CORE, "Z-CORE-2", now.minusSeconds(35))
        .setIncidentId("A-000101")
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.9522).setLat(31.9345))
            .setZoneId("Z-CORE-2").setZoneClass(ZoneClass.ZONE_CLASS_CORE).setSegmentId("SEG-08"))
        .build());
    alarms.add(alarm("A-000097", AlarmType.ALARM_TYPE_SMOKE_FIRE, AlarmSeverity.ALARM_SEVERITY_CRITICAL,
        ZoneClass.ZONE_CLASS_KEY, "Z-KEY-4", now.minusSeconds(95))
        .setSourceKind("camera").setSourceId("CAM-21").setEscalated(true)
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.9431).setLat(31.9288))
            .setZoneId("Z-KEY-4").setZoneClass(ZoneClass.ZONE_CLASS_KEY).setCameraId("CAM-21"))
        .addLinkedCameraIds("CAM-21")
        .build());
    alarms.add(alarm("A-000090", AlarmType.ALARM_TYPE_FORCED_PASSAGE, AlarmSeverity.ALARM_SEVERITY_CRITICAL,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(300))
        .setSourceKind("gate").setSourceId("G3").setState(AlarmState.ALARM_STATE_DISPATCHED).setVersion(4)
        .setAssignee("operator").clearAckDue()
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.9602).setLat(31.9402))
            .setZoneClass(ZoneClass.ZONE_CLASS_GENERAL).setGateId("G3"))
        .setTask(DispatchTask.newBuilder().setTeam("巡逻二队").setText("前往 3 号卡口拦截车辆 苏E7K215"))
        .build());
    alarms.add(alarm("A-000094", AlarmType.ALARM_TYPE_TAILGATING, AlarmSeverity.ALARM_SEVERITY_MAJOR,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(200))
        .setSourceKind("gate").setSourceId("G1")
        .setLocation(AlarmLocation.newBuilder().setPoint(LonLat.newBuilder().setLon(120.9391).setLat(31.9399))
            .setZoneClass(ZoneClass.ZONE_CLASS_GENERAL).setGateId("G1"))
        .build());
    alarms.add(alarm("A-000095", AlarmType.ALARM_TYPE_ROUTE_DEVIATION, AlarmSeverity.ALARM_SEVERITY_MAJOR,
        ZoneClass.ZONE_CLASS_KEY, "Z-KEY-1", now.minusSeconds(160))
        .setSourceKind("vehicle").setSourceId("苏E3M908挂").setState(AlarmState.ALARM_STATE_ACKNOWLEDGED)
        .setAssignee("li").setVersion(2).clearAckDue().build());
    alarms.add(alarm("A-000096", AlarmType.ALARM_TYPE_CROWDING, AlarmSeverity.ALARM_SEVERITY_MAJOR,
        ZoneClass.ZONE_CLASS_KEY, "Z-KEY-2", now.minusSeconds(80))
        .setSourceKind("camera").setSourceId("CAM-05").addLinkedCameraIds("CAM-05").build());
    alarms.add(alarm("A-000091", AlarmType.ALARM_TYPE_LOITERING, AlarmSeverity.ALARM_SEVERITY_MINOR,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(640))
        .setSourceKind("camera").setSourceId("CAM-02").setCount(5).build());
    alarms.add(alarm("A-000092", AlarmType.ALARM_TYPE_DEVICE_OFFLINE, AlarmSeverity.ALARM_SEVERITY_MINOR,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(900))
        .setSourceKind("camera").setSourceId("CAM-30").setState(AlarmState.ALARM_STATE_ON_SITE)
        .setAssignee("operator").setVersion(5).clearAckDue().build());
    alarms.add(alarm("A-000093", AlarmType.ALARM_TYPE_HEARTBEAT_MISSING, AlarmSeverity.ALARM_SEVERITY_INFO,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(400))
        .setSourceKind("sensor").setSourceId("S-0412").build());
    alarms.add(alarm("A-000089", AlarmType.ALARM_TYPE_PARKING_ANOMALY, AlarmSeverity.ALARM_SEVERITY_MINOR,
        ZoneClass.ZONE_CLASS_KEY, "Z-KEY-3", now.minusSeconds(1500))
        .setState(AlarmState.ALARM_STATE_RESOLVED).setAssignee("operator").setVersion(7).clearAckDue().build());
    alarms.add(alarm("A-000088", AlarmType.ALARM_TYPE_VEHICLE_SPEEDING, AlarmSeverity.ALARM_SEVERITY_MINOR,
        ZoneClass.ZONE_CLASS_GENERAL, "", now.minusSeconds(2000))
        .setState(AlarmState.ALARM_STATE_CLOSED).setVersion(9).clearAckDue().build());
    return alarms;
  }

  /** The alarm in the middle of its procedure: taken, the video checked, the patrol next. */
  static Alarm takenWithVideoChecked(Instant now) {
    return park(now).get(0).toBuilder().setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).setAssignee("operator")
        .setVersion(2).clearAckDue()
        .setSop(intrusionSop(List.of(SopOutcome.newBuilder().setStepId("check").setAnswerId("real").setBy("operator")
            .setAt(AlarmProtos.timestamp(now.minusSeconds(20))).build()), List.of("patrol"), false))
        .addHistory(AlarmTransition.newBuilder().setAction("acknowledge").setBy("operator")
            .setFrom(AlarmState.ALARM_STATE_NEW).setTo(AlarmState.ALARM_STATE_ACKNOWLEDGED)
            .setAt(AlarmProtos.timestamp(now.minusSeconds(30))))
        .addHistory(AlarmTransition.newBuilder().setAction("sop_answer").setBy("operator").setNote("确认有人员入侵")
            .setAt(AlarmProtos.timestamp(now.minusSeconds(20))))
        .build();
  }

  static AlarmBatch snapshot(List<Alarm> alarms) {
    return AlarmBatch.newBuilder().setSnapshot(true).setSeq(100).addAllAlarms(alarms).build();
  }

  /** {@code n} alarms of every severity and zone class, each alone in its incident. */
  static List<Alarm> storm(int n, Instant now) {
    AlarmSeverity[] severities = {AlarmSeverity.ALARM_SEVERITY_CRITICAL, AlarmSeverity.ALARM_SEVERITY_MAJOR,
        AlarmSeverity.ALARM_SEVERITY_MINOR, AlarmSeverity.ALARM_SEVERITY_INFO};
    ZoneClass[] zones = {ZoneClass.ZONE_CLASS_CORE, ZoneClass.ZONE_CLASS_KEY, ZoneClass.ZONE_CLASS_GENERAL};
    AlarmType[] types = {AlarmType.ALARM_TYPE_PERIMETER_INTRUSION, AlarmType.ALARM_TYPE_LOITERING,
        AlarmType.ALARM_TYPE_DEVICE_OFFLINE, AlarmType.ALARM_TYPE_VIDEO_INTRUSION};
    List<Alarm> alarms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ZoneClass zone = zones[i % 3];
      alarms.add(alarm(String.format("A-%06d", 200_000 + i), types[i % 4], severities[(i / 3) % 4], zone,
          zone == ZoneClass.ZONE_CLASS_GENERAL ? "" : "Z-" + zone.name().substring(11) + "-" + (i % 5),
          now.minusSeconds(i % 600)).build());
    }
    return alarms;
  }
}
