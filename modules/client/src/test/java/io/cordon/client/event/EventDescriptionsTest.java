package io.cordon.client.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventDescriptionsTest {
  private static final Map<String, String> CHINESE =
      Map.ofEntries(
          Map.entry("event.type.sensor.heartbeat", "传感器心跳"),
          Map.entry("event.type.sensor.intrusion", "周界入侵报警"),
          Map.entry("subject.kind.sensor", "传感器"),
          Map.entry("event.summary.sensor.heartbeat", "传感器 {0} 心跳"),
          Map.entry("event.summary.sensor.intrusion", "传感器 {0} 检测到入侵"),
          Map.entry("event.summary.segment", "周界段 {0}"),
          Map.entry("event.summary.details", "（{0}）"),
          Map.entry("event.summary.separator", "，"),
          Map.entry("event.summary.detail", "{0}：{1}"),
          Map.entry("sensor.type.FENCE_VIBRATION", "围栏振动"),
          Map.entry("event.summary.gate.state", "卡口 {0} {1}"),
          Map.entry("gate.state.FAULT", "故障"),
          Map.entry("event.summary.gate.command.OPEN", "{1} 下令开启卡口 {0}：{2}"));
  private static final Map<String, String> ENGLISH =
      Map.ofEntries(
          Map.entry("event.summary.sensor.heartbeat", "Heartbeat from sensor {0}"),
          Map.entry("event.summary.segment", "segment {0}"),
          Map.entry("event.summary.details", " ({0})"),
          Map.entry("event.summary.separator", ", "),
          Map.entry("event.summary.detail", "{0}: {1}"));

  private final AtomicReference<Map<String, String>> language = new AtomicReference<>(CHINESE);
  private final EventDescriptions descriptions =
      new EventDescriptions(key -> Optional.ofNullable(language.get().get(key)));

  private static Event.Builder sensorEvent(String type) {
    return Event.newBuilder()
        .setSeq(7)
        .setType(type)
        .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-0034"))
        .addSubjects(SubjectRef.newBuilder().setKind("segment").setId("SEG-03"))
        .putAttributes("sensor_type", "FENCE_VIBRATION")
        .setSummary("server words");
  }

  private String summaryOf(Event.Builder event) {
    return descriptions.summary(EventRow.from(event.build()));
  }

  @Test
  void heartbeatNamesTheSensorAndItsSegmentInChinese() {
    assertThat(summaryOf(sensorEvent("sensor.heartbeat"))).isEqualTo("传感器 S-0034 心跳（周界段 SEG-03）");
  }

  @Test
  void summaryFollowsTheLanguageOfTheMessagesAtEachCall() {
    EventRow heartbeat = EventRow.from(sensorEvent("sensor.heartbeat").build());
    assertThat(descriptions.summary(heartbeat)).startsWith("传感器");
    language.set(ENGLISH);
    assertThat(descriptions.summary(heartbeat)).isEqualTo("Heartbeat from sensor S-0034 (segment SEG-03)");
  }

  @Test
  void intrusionAlsoNamesTheDetectorTypeAndTheDevicesOwnWords() {
    Event.Builder intrusion = sensorEvent("sensor.intrusion").putAttributes("detail", "vibration above threshold");
    assertThat(summaryOf(intrusion))
        .isEqualTo("传感器 S-0034 检测到入侵（周界段 SEG-03，围栏振动）：vibration above threshold");
  }

  @Test
  void detectorTypeWithoutATranslationIsShownAsReported() {
    Event.Builder intrusion = sensorEvent("sensor.intrusion").putAttributes("sensor_type", "RADAR");
    assertThat(summaryOf(intrusion)).isEqualTo("传感器 S-0034 检测到入侵（周界段 SEG-03，RADAR）");
  }

  @Test
  void sensorEventWithoutSegmentHasNoDetailsInBrackets() {
    Event.Builder heartbeat = sensorEvent("sensor.heartbeat").removeSubjects(1);
    assertThat(summaryOf(heartbeat)).isEqualTo("传感器 S-0034 心跳");
  }

  @Test
  void unknownTypeKeepsTheServersSummary() {
    assertThat(summaryOf(sensorEvent("gate.opened"))).isEqualTo("server words");
  }

  @Test
  void knownTypeWithoutASensorSubjectKeepsTheServersSummary() {
    assertThat(summaryOf(sensorEvent("sensor.heartbeat").clearSubjects())).isEqualTo("server words");
  }

  @Test
  void typeAndMainSubjectAreTranslated() {
    EventRow intrusion = EventRow.from(sensorEvent("sensor.intrusion").build());
    assertThat(descriptions.type(intrusion)).isEqualTo("周界入侵报警");
    assertThat(descriptions.subject(intrusion)).isEqualTo("传感器 S-0034");
  }

  @Test
  void typeAndSubjectKindWithoutATranslationAreShownRaw() {
    EventRow unknown =
        EventRow.from(sensorEvent("gate.opened").setSubjects(0, SubjectRef.newBuilder().setKind("gate").setId("G1")).build());
    assertThat(descriptions.type(unknown)).isEqualTo("gate.opened");
    assertThat(descriptions.subject(unknown)).isEqualTo("gate G1");
  }

  private static Event.Builder gateEvent(String type) {
    return Event.newBuilder()
        .setSeq(8)
        .setType(type)
        .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId("G-07"))
        .setSummary("server words");
  }

  @Test
  void gateStateChangeNamesTheGateAndItsNewStateInChinese() {
    assertThat(summaryOf(gateEvent("gate.state").putAttributes("state", "FAULT"))).isEqualTo("卡口 G-07 故障");
  }

  @Test
  void gateCommandNamesWhoOrderedItAndWhy() {
    Event.Builder command = gateEvent("gate.command")
        .putAttributes("action", "OPEN").putAttributes("user", "operator").putAttributes("reason", "消防演练");
    assertThat(summaryOf(command)).isEqualTo("operator 下令开启卡口 G-07：消防演练");
  }

  @Test
  void gateEventsWithoutATranslationKeepTheServersWords() {
    language.set(ENGLISH);
    assertThat(summaryOf(gateEvent("gate.state").putAttributes("state", "OPEN"))).isEqualTo("server words");
  }

  // ---- named arguments: every other type ---------------------------------------------------------

  private static final Map<String, String> NAMED_CHINESE =
      Map.ofEntries(
          Map.entry("event.summary.gate.agent", "卡口 {gate} 的终端 {agent} {state:event.value.agent}"),
          Map.entry("event.value.agent.connected", "已连接"),
          Map.entry("event.summary.gate.access",
              "卡口 {0}{lane/event.summary.lane} {direction:gate.direction}园{passed:event.value.passed}"
                  + "{vehicle/event.summary.note}{rule:gate.rule/event.summary.details}"),
          Map.entry("event.summary.lane", "/{0}"),
          Map.entry("event.summary.note", "：{0}"),
          Map.entry("event.summary.details", "（{0}）"),
          Map.entry("event.summary.separator", "，"),
          Map.entry("gate.direction.ENTRY", "入"),
          Map.entry("event.value.passed.true", "放行"),
          Map.entry("gate.rule.PERMIT_VALID", "通行证有效"),
          Map.entry("event.summary.reviewer.departments_set", "审核人 {username} 负责{departments:registration.department}"),
          Map.entry("registration.department.SAFETY", "安全管理部"),
          Map.entry("registration.department.EMERGENCY_MANAGEMENT", "应急管理部门"),
          Map.entry("event.summary.blacklist.added", "{subject_id} 列入黑名单{until:time/event.summary.until}"),
          Map.entry("event.summary.until", "（至 {0}）"),
          Map.entry("event.summary.gate.command.HOLD_OPEN", "{1} 下令卡口 {0}{lane/event.summary.lane} 保持常开：{2}"));

  private final EventDescriptions namedDescriptions =
      new EventDescriptions(key -> Optional.ofNullable(NAMED_CHINESE.get(key)));

  private String namedSummaryOf(Event.Builder event) {
    return namedDescriptions.summary(EventRow.from(event.build()));
  }

  @Test
  void aNamedArgumentIsAnAttributeOrElseTheSubjectOfThatKind() {
    Event.Builder agent = gateEvent("gate.agent").putAttributes("agent", "sim-G5").putAttributes("state", "connected")
        .setSummary("Gate agent sim-G5 of G-07 connected");
    assertThat(namedSummaryOf(agent)).isEqualTo("卡口 G-07 的终端 sim-G5 已连接");
  }

  @Test
  void aValueWithoutWordsIsShownAsSent() {
    Event.Builder agent = gateEvent("gate.agent").putAttributes("agent", "sim-G5").putAttributes("state", "flapping");
    assertThat(namedSummaryOf(agent)).isEqualTo("卡口 G-07 的终端 sim-G5 flapping");
  }

  @Test
  void optionalPartsAreWrappedWhenPresentAndLeftOutWhenNot() {
    Event.Builder access = gateEvent("gate.access")
        .addSubjects(SubjectRef.newBuilder().setKind("vehicle").setId("苏E12345"))
        .putAttributes("lane", "L1").putAttributes("direction", "ENTRY").putAttributes("passed", "true")
        .putAttributes("rule", "PERMIT_VALID");
    assertThat(namedSummaryOf(access)).isEqualTo("卡口 G-07/L1 入园放行：苏E12345（通行证有效）");

    Event.Builder bare = gateEvent("gate.access").putAttributes("direction", "ENTRY").putAttributes("passed", "true");
    assertThat(namedSummaryOf(bare)).isEqualTo("卡口 G-07 入园放行");
  }

  @Test
  void aListIsPutIntoWordsItemByItem() {
    Event.Builder set = Event.newBuilder().setSeq(13).setType("reviewer.departments_set")
        .addSubjects(SubjectRef.newBuilder().setKind("user").setId("li.ming"))
        .putAttributes("username", "li.ming").putAttributes("departments", "SAFETY,EMERGENCY_MANAGEMENT");
    assertThat(namedSummaryOf(set)).isEqualTo("审核人 li.ming 负责安全管理部，应急管理部门");
  }

  @Test
  void anInstantIsShownInParkTime() {
    Event.Builder added = Event.newBuilder().setSeq(14).setType("blacklist.added")
        .addSubjects(SubjectRef.newBuilder().setKind("blacklist").setId("B-1"))
        .putAttributes("subject_id", "苏E12345").putAttributes("until", "2026-11-25T02:30:00Z");
    assertThat(namedSummaryOf(added)).isEqualTo("苏E12345 列入黑名单（至 11-25 10:30）");
    assertThat(namedSummaryOf(added.removeAttributes("until"))).isEqualTo("苏E12345 列入黑名单");
  }

  @Test
  void numberedPatternsMayUseNamedArgumentsToo() {
    Event.Builder command = gateEvent("gate.command").putAttributes("action", "HOLD_OPEN")
        .putAttributes("user", "operator").putAttributes("reason", "疏散").putAttributes("lane", "L2");
    assertThat(namedSummaryOf(command)).isEqualTo("operator 下令卡口 G-07/L2 保持常开：疏散");
  }

  @Test
  void aTypeWithoutAPatternStillKeepsTheServersSummary() {
    assertThat(namedSummaryOf(gateEvent("gate.fault").putAttributes("device", "barrier"))).isEqualTo("server words");
  }

  // ---- the alarm center's events ---------------------------------------------------------------

  private static final Map<String, String> ALARM_CHINESE =
      Map.ofEntries(
          Map.entry("event.type.alarm.acknowledge", "接警"),
          Map.entry("event.summary.alarm.raised", "{0} {1} 报警（{4}）"),
          Map.entry("event.summary.alarm.repeat", "{0} {1} 重复触发，共 {3} 次"),
          Map.entry("event.summary.alarm.acknowledge", "{0} {1} 已接警（{2}）"),
          Map.entry("event.summary.alarm.escalate", "{0} {1} 超时未接警，已升级至值班长（{2}）"),
          Map.entry("event.summary.alarm.sop_skip", "{0} {1} 跳过处置步骤（{2}）"),
          Map.entry("event.summary.alarm.snooze", "{5} 暂停报警至 {6}（{2}）"),
          Map.entry("event.summary.alarm.report", "{5} 上报{1}"),
          Map.entry("event.summary.detail", "{0}：{1}"),
          Map.entry("alarm.type.PERIMETER_INTRUSION", "周界入侵"),
          Map.entry("alarm.type.SMOKE_FIRE", "烟火"),
          Map.entry("alarm.severity.CRITICAL", "紧急"),
          Map.entry("alarm.history.system", "系统"),
          Map.entry("subject.kind.sensor", "传感器"),
          Map.entry("subject.kind.camera", "摄像机"));

  private final EventDescriptions alarmDescriptions =
      new EventDescriptions(key -> Optional.ofNullable(ALARM_CHINESE.get(key)));

  private static Event.Builder alarmEvent(String action, String by) {
    return Event.newBuilder()
        .setSeq(9)
        .setType("alarm." + action)
        .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .addSubjects(SubjectRef.newBuilder().setKind("alarm").setId("A-000012"))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-0034"))
        .putAttributes("alarm_id", "A-000012")
        .putAttributes("type", "PERIMETER_INTRUSION")
        .putAttributes("severity", "CRITICAL")
        .putAttributes("state", "ACKNOWLEDGED")
        .putAttributes("zone_class", "CORE")
        .putAttributes("incident", "A-000012")
        .putAttributes("count", "3")
        .putAttributes("version", "2")
        .putAttributes("by", by)
        .setSummary("server words");
  }

  private String alarmSummaryOf(Event.Builder event) {
    return alarmDescriptions.summary(EventRow.from(event.build()));
  }

  @Test
  void acknowledgementNamesTheAlarmItsTypeAndWhoTookIt() {
    assertThat(alarmSummaryOf(alarmEvent("acknowledge", "operator"))).isEqualTo("A-000012 周界入侵 已接警（operator）");
  }

  @Test
  void aRaisedAlarmSaysItsSeverity() {
    assertThat(alarmSummaryOf(alarmEvent("raised", "system"))).isEqualTo("A-000012 周界入侵 报警（紧急）");
  }

  @Test
  void aRepeatSaysHowOftenTheSourceFired() {
    assertThat(alarmSummaryOf(alarmEvent("repeat", "system"))).isEqualTo("A-000012 周界入侵 重复触发，共 3 次");
  }

  @Test
  void theSystemIsNamedInTheOperatorsLanguage() {
    assertThat(alarmSummaryOf(alarmEvent("escalate", "system")))
        .isEqualTo("A-000012 周界入侵 超时未接警，已升级至值班长（系统）");
  }

  @Test
  void aSkippedStepCarriesTheReasonGiven() {
    assertThat(alarmSummaryOf(alarmEvent("sop_skip", "operator").putAttributes("note", "视频已确认为动物")))
        .isEqualTo("A-000012 周界入侵 跳过处置步骤（operator）：视频已确认为动物");
  }

  @Test
  void aSnoozeNamesTheSourceAndTheTimeItEndsInParkTime() {
    Event.Builder snooze = Event.newBuilder()
        .setSeq(10).setType("alarm.snooze").setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-0034"))
        .putAttributes("until", "2026-11-25T02:30:00Z").putAttributes("by", "operator")
        .putAttributes("reason", "施工振动")
        .setSummary("server words");
    assertThat(alarmSummaryOf(snooze)).isEqualTo("传感器 S-0034 暂停报警至 11-25 10:30（operator）：施工振动");
  }

  @Test
  void aDevicesReportNamesTheSourceTheTypeAndItsOwnWords() {
    Event.Builder report = Event.newBuilder()
        .setSeq(11).setType("alarm.report").setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .addSubjects(SubjectRef.newBuilder().setKind("camera").setId("CAM-21"))
        .putAttributes("type", "SMOKE_FIRE").putAttributes("detail", "smoke at tank T-3")
        .setSummary("server words");
    assertThat(alarmSummaryOf(report)).isEqualTo("摄像机 CAM-21 上报烟火：smoke at tank T-3");
  }

  @Test
  void anAlarmActionWithoutAPatternKeepsTheServersSummary() {
    assertThat(alarmSummaryOf(alarmEvent("dispatch", "operator"))).isEqualTo("server words");
  }

  @Test
  void alarmEventsAreTypedInTheOperatorsLanguage() {
    assertThat(alarmDescriptions.type(EventRow.from(alarmEvent("acknowledge", "operator").build()))).isEqualTo("接警");
  }

  @Test
  void anAlarmEventIsAsUrgentAsItsAlarm() {
    assertThat(EventRow.from(alarmEvent("acknowledge", "operator").build()).severity())
        .isEqualTo(EventSeverity.CRITICAL);
    assertThat(EventRow.from(alarmEvent("close", "operator").putAttributes("severity", "MINOR").build()).severity())
        .isEqualTo(EventSeverity.MINOR);
  }

  @Test
  void aReportWithoutASeverityTakesTheDefaultOfItsType() {
    Event report = Event.newBuilder().setSeq(12).setType("alarm.report")
        .addSubjects(SubjectRef.newBuilder().setKind("camera").setId("CAM-21"))
        .putAttributes("type", "SMOKE_FIRE").build();
    assertThat(EventRow.from(report).severity()).isEqualTo(EventSeverity.CRITICAL);
  }

  @Test
  void anAlarmEventWithoutSeverityOrTypeFallsBackToItsEventType() {
    assertThat(EventSeverity.of("alarm.unsnooze", Map.of("by", "operator"))).isEqualTo(EventSeverity.INFO);
    assertThat(EventSeverity.of("alarm.something", Map.of())).isEqualTo(EventSeverity.MAJOR);
  }

  @Test
  void otherEventsKeepTheSeverityOfTheirType() {
    assertThat(EventSeverity.of("sensor.intrusion", Map.of("severity", "INFO"))).isEqualTo(EventSeverity.CRITICAL);
  }
}
