package io.cordon.server.report.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Journal events worded for the report: Chinese sentences from type and fields, the summary where none fits. */
class JournalEventTextsTest {

  final JournalEventTexts zh = JournalEventTexts.of(Locale.SIMPLIFIED_CHINESE);
  final JournalEventTexts en = JournalEventTexts.of(Locale.ENGLISH);

  private static Event event(String type, String summary, Map<String, String> attributes, String... kindIds) {
    Event.Builder e = Event.newBuilder().setType(type).setSummary(summary).putAllAttributes(attributes);
    for (int i = 0; i < kindIds.length; i += 2) {
      e.addSubjects(SubjectRef.newBuilder().setKind(kindIds[i]).setId(kindIds[i + 1]));
    }
    return e.build();
  }

  @Test
  void anAlarmActionReadsInChineseWithTheAlarmTypeTheUserAndTheNote() {
    Event e = event("alarm.acknowledge", "AL-1 LOITERING (major) at user:op1: acknowledge by op1 — 已核实",
        Map.of("alarm_id", "AL-1", "type", "LOITERING", "severity", "MAJOR", "by", "op1", "note", "已核实"),
        "alarm", "AL-1", "user", "op1");

    assertThat(zh.name(e)).isEqualTo("接警");
    assertThat(zh.sentence(e)).isEqualTo("AL-1 徘徊报警由 op1 接警：已核实");
  }

  @Test
  void aPartInBracketsIsLeftOutWhenTheEventLacksItsField() {
    Event e = event("alarm.raised", "AL-2 SMOKE_FIRE (critical) at sensor:S-1: raised",
        Map.of("alarm_id", "AL-2", "type", "SMOKE_FIRE", "severity", "CRITICAL", "by", "system"), "alarm", "AL-2");

    assertThat(zh.sentence(e)).isEqualTo("AL-2 烟火报警（紧急）产生");
  }

  @Test
  void aGateAccessIsWordedByWhetherItPassed() {
    Map<String, String> refused = Map.of("lane", "L1", "direction", "ENTRY", "passed", "false", "rule", "NO_PERMIT");

    assertThat(zh.sentence(event("gate.access", "Deny at G3/L1 entry: 苏E1 (NO_PERMIT)", refused, "gate", "G3",
        "vehicle", "苏E1"))).isEqualTo("G3/L1 入园被拒（NO_PERMIT）");
    assertThat(zh.sentence(event("gate.access", "Pass at G3/L1 exit: 苏E1", Map.of("lane", "L1", "direction", "EXIT",
        "passed", "true"), "gate", "G3"))).isEqualTo("G3/L1 出园放行");
  }

  @Test
  void aSentenceWhoseSubjectIsMissingKeepsTheSummary() {
    Event e = event("incident.created", "INC-1 opened by sup: 入侵", Map.of("by", "sup", "title", "入侵"));

    assertThat(zh.sentence(e)).isEqualTo("INC-1 opened by sup: 入侵");
  }

  @Test
  void anUnknownTypeKeepsItsTypeAndSummary() {
    Event e = event("weather.storm", "Storm warning for the park", Map.of());

    assertThat(zh.name(e)).isEqualTo("weather.storm");
    assertThat(zh.sentence(e)).isEqualTo("Storm warning for the park");
  }

  @Test
  void theEnglishReportKeepsTheServersWords() {
    Event e = event("alarm.close", "AL-1 LOITERING (major) at user:op1: close by op1",
        Map.of("alarm_id", "AL-1", "type", "LOITERING", "by", "op1"), "alarm", "AL-1");

    assertThat(en.name(e)).isEqualTo("alarm.close");
    assertThat(en.sentence(e)).isEqualTo("AL-1 LOITERING (major) at user:op1: close by op1");
  }
}
