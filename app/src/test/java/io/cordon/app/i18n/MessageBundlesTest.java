package io.cordon.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.event.EventRow;
import io.cordon.domain.park.SensorType;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {
  private final ResourceBundle chinese = I18n.load(I18n.CHINESE);
  private final ResourceBundle english = I18n.load(I18n.ENGLISH);

  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() {
    Set<String> zh = chinese.keySet();
    Set<String> en = english.keySet();
    assertThat(zh).as("keys missing in English").isSubsetOf(en);
    assertThat(en).as("keys missing in Chinese").isSubsetOf(zh);
  }

  @Test
  void noTextIsEmpty() {
    for (ResourceBundle bundle : new ResourceBundle[] {chinese, english}) {
      for (String key : bundle.keySet()) {
        assertThat(bundle.getString(key)).as(key + " in " + bundle.getLocale()).isNotBlank();
      }
    }
  }

  @Test
  void theChineseBundleIsReallyChinese() {
    assertThat(chinese.getString("view.map")).isEqualTo("园区地图");
    assertThat(english.getString("view.map")).isEqualTo("Park map");
  }

  @Test
  void unsupportedLanguagesFallBackToChinese() {
    assertThat(I18n.supported(Locale.GERMAN)).isEqualTo(I18n.CHINESE);
    assertThat(I18n.supported(Locale.forLanguageTag("en-GB"))).isEqualTo(I18n.ENGLISH);
  }

  @Test
  void heartbeatSummaryReadsNaturallyInBothLanguages() {
    EventRow heartbeat = sensorEvent("sensor.heartbeat", "INFRARED");
    assertThat(descriptions(chinese).summary(heartbeat)).isEqualTo("传感器 S-0034 心跳（周界段 SEG-03）");
    assertThat(descriptions(english).summary(heartbeat)).isEqualTo("Heartbeat from sensor S-0034 (segment SEG-03)");
  }

  @Test
  void intrusionSummaryNamesTheDetectorTypeInChinese() {
    assertThat(descriptions(chinese).summary(sensorEvent("sensor.intrusion", "BURIED_CABLE")))
        .isEqualTo("传感器 S-0034 检测到入侵（周界段 SEG-03，埋地电缆）");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sensor.heartbeat", "sensor.intrusion", "sensor.fault", "sensor.tamper"})
  void everySensorEventIsSummarisedByTheClientNotTheServer(String type) {
    for (ResourceBundle bundle : new ResourceBundle[] {chinese, english}) {
      assertThat(descriptions(bundle).summary(sensorEvent(type, "FENCE_VIBRATION")))
          .as(type + " in " + bundle.getLocale())
          .contains("S-0034")
          .doesNotContain("server words");
    }
  }

  @ParameterizedTest
  @EnumSource(SensorType.class)
  void everyDetectorTypeHasANameInBothLanguages(SensorType sensorType) {
    assertThat(chinese.containsKey("sensor.type." + sensorType.name())).isTrue();
    assertThat(english.containsKey("sensor.type." + sensorType.name())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alarm.report", "alarm.raised", "alarm.repeat", "alarm.held", "alarm.acknowledge",
      "alarm.dispatch", "alarm.on_site", "alarm.resolve", "alarm.close", "alarm.escalate", "alarm.forward",
      "alarm.sop_answer", "alarm.sop_skip", "alarm.auto_acknowledge", "alarm.snooze", "alarm.unsnooze"})
  void everyAlarmCenterEventHasANameAndASummaryInBothLanguages(String type) {
    for (ResourceBundle bundle : new ResourceBundle[] {chinese, english}) {
      assertThat(bundle.containsKey("event.type." + type)).as(type + " name in " + bundle.getLocale()).isTrue();
      assertThat(bundle.containsKey("event.summary." + type)).as(type + " summary in " + bundle.getLocale()).isTrue();
    }
  }

  @Test
  void anAcknowledgedAlarmReadsNaturallyInBothLanguages() {
    EventRow acknowledged = EventRow.from(
        Event.newBuilder()
            .setSeq(2)
            .setType("alarm.acknowledge")
            .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
            .addSubjects(SubjectRef.newBuilder().setKind("alarm").setId("A-000012"))
            .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-0034"))
            .putAttributes("alarm_id", "A-000012")
            .putAttributes("type", "PERIMETER_INTRUSION")
            .putAttributes("severity", "MAJOR")
            .putAttributes("by", "operator")
            .setSummary("server words")
            .build());
    assertThat(descriptions(chinese).summary(acknowledged)).isEqualTo("A-000012 周界入侵 已接警（operator）");
    assertThat(descriptions(english).summary(acknowledged))
        .isEqualTo("A-000012 " + english.getString("alarm.type.PERIMETER_INTRUSION") + " acknowledged (operator)");
  }

  private static EventDescriptions descriptions(ResourceBundle bundle) {
    return new EventDescriptions(key -> bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty());
  }

  private static EventRow sensorEvent(String type, String sensorType) {
    return EventRow.from(
        Event.newBuilder()
            .setSeq(1)
            .setType(type)
            .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
            .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-0034"))
            .addSubjects(SubjectRef.newBuilder().setKind("segment").setId("SEG-03"))
            .putAttributes("sensor_type", sensorType)
            .setSummary("server words")
            .build());
  }
}
