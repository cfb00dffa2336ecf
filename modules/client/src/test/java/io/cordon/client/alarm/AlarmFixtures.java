package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SopOption;
import io.cordon.api.v1.SopOutcome;
import io.cordon.api.v1.SopProgress;
import io.cordon.api.v1.SopStep;
import io.cordon.api.v1.ZoneClass;
import java.time.Instant;
import java.util.List;

/** Alarms as the server would send them, named for what they are. */
final class AlarmFixtures {
  static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  private AlarmFixtures() {}

  /** A NEW alarm raised at {@code firstAt} in a zone of the given class, version 1. */
  static Alarm.Builder alarm(String id, AlarmSeverity severity, ZoneClass zoneClass, Instant firstAt) {
    return Alarm.newBuilder()
        .setAlarmId(id)
        .setIncidentId(id)
        .setVersion(1)
        .setSeq(1)
        .setType(AlarmType.ALARM_TYPE_PERIMETER_INTRUSION)
        .setSeverity(severity)
        .setState(AlarmState.ALARM_STATE_NEW)
        .setSourceKind("sensor")
        .setSourceId("S-" + id)
        .setLocation(AlarmLocation.newBuilder()
            .setPoint(LonLat.newBuilder().setLon(120.95).setLat(31.93))
            .setZoneId(zoneClass == ZoneClass.ZONE_CLASS_CORE ? "Z-CORE-1"
                : zoneClass == ZoneClass.ZONE_CLASS_KEY ? "Z-KEY-1" : "")
            .setZoneClass(zoneClass)
            .setSegmentId("SEG-03"))
        .setCount(1)
        .setFirstAt(AlarmProtos.timestamp(firstAt))
        .setLastAt(AlarmProtos.timestamp(firstAt))
        .setAckDue(AlarmProtos.timestamp(firstAt.plusSeconds(60)));
  }

  static Alarm critical(String id) {
    return alarm(id, AlarmSeverity.ALARM_SEVERITY_CRITICAL, ZoneClass.ZONE_CLASS_GENERAL, T0).build();
  }

  static Alarm major(String id) {
    return alarm(id, AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_GENERAL, T0).build();
  }

  /** Taken by {@code assignee}, version 2. */
  static Alarm acknowledged(String id, String assignee) {
    return alarm(id, AlarmSeverity.ALARM_SEVERITY_MAJOR, ZoneClass.ZONE_CLASS_KEY, T0)
        .setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).setAssignee(assignee).setVersion(2).clearAckDue().build();
  }

  /** An intrusion procedure: check the video (question), then a mandatory call to the patrol, then an optional log. */
  static SopProgress intrusionSop(List<SopOutcome> outcomes, List<String> next, boolean mandatoryDone) {
    return SopProgress.newBuilder()
        .setSopId("SOP-INTRUSION")
        .addSteps(SopStep.newBuilder().setStepId("check").setTextZh("调取联动视频确认").setTextEn("Check the linked video")
            .setMandatory(true)
            .addOptions(SopOption.newBuilder().setAnswerId("real").setTextZh("有人员入侵").setTextEn("Intruder seen")
                .setNextStepId("patrol"))
            .addOptions(SopOption.newBuilder().setAnswerId("none").setTextZh("未见异常").setTextEn("Nothing seen")))
        .addSteps(SopStep.newBuilder().setStepId("patrol").setTextZh("通知巡逻队到场").setTextEn("Send the patrol")
            .setMandatory(true).setNextStepId("log"))
        .addSteps(SopStep.newBuilder().setStepId("log").setTextZh("记录处置情况").setTextEn("Log what was done"))
        .addAllOutcomes(outcomes)
        .addAllNextStepIds(next)
        .setMandatoryDone(mandatoryDone)
        .build();
  }

  static AlarmBatch snapshot(long seq, Alarm... alarms) {
    return AlarmBatch.newBuilder().setSnapshot(true).setSeq(seq).addAllAlarms(List.of(alarms)).build();
  }

  static AlarmBatch changes(long seq, Alarm... alarms) {
    return AlarmBatch.newBuilder().setSeq(seq).addAllAlarms(List.of(alarms)).build();
  }
}
