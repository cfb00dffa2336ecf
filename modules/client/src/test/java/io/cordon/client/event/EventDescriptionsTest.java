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
}
