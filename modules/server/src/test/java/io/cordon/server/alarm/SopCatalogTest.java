package io.cordon.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.alarm.Actor;
import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.AlarmId;
import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Outcome;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.alarm.Sop;
import io.cordon.domain.alarm.Sop.SopOption;
import io.cordon.domain.alarm.Sop.SopStep;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.alarm.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SopCatalogTest {

  private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
  private static final Actor OPERATOR = Actor.operator("li");

  private final SopCatalog bundled = SopCatalog.bundled();

  @Test
  void theBundledCatalogParsesWithUniqueProcedureIds() {
    assertThat(bundled.all()).isNotEmpty();
    assertThat(bundled.all()).extracting(Sop::id).doesNotHaveDuplicates();
  }

  @Test
  void everyAlarmTypeHasAProcedure() {
    for (AlarmType type : AlarmType.values()) {
      assertThat(bundled.forType(type)).as("procedure for %s", type).isNotNull();
    }
  }

  @Test
  void theMainAlarmTypesHaveTheirOwnProcedures() {
    assertThat(bundled.forType(AlarmType.PERIMETER_INTRUSION).id()).isEqualTo("perimeter-intrusion");
    assertThat(bundled.forType(AlarmType.SMOKE_FIRE).id()).isEqualTo("fire-smoke");
    assertThat(bundled.forType(AlarmType.CROWDING).id()).isEqualTo("crowding");
    assertThat(bundled.forType(AlarmType.FORCED_PASSAGE).id()).isEqualTo("gate-forced-passage");
    assertThat(bundled.forType(AlarmType.ROUTE_DEVIATION).id()).isEqualTo("vehicle-rule");
    assertThat(bundled.forType(AlarmType.DEVICE_OFFLINE).id()).isEqualTo("device-health");
    assertThat(bundled.forType(AlarmType.MANUAL).id()).isEqualTo("manual-report");
    assertThat(bundled.byId("generic")).isPresent();
  }

  @Test
  void everyProcedureHasAMandatoryStepReachableFromItsFirstStep() {
    for (Sop sop : bundled.all()) {
      assertThat(reachable(sop)).as(sop.id()).anyMatch(SopStep::mandatory);
    }
  }

  @Test
  void everyStepOfEveryProcedureCanBeReached() {
    for (Sop sop : bundled.all()) {
      assertThat(reachable(sop)).as(sop.id()).containsExactlyInAnyOrderElementsOf(sop.steps());
    }
  }

  @Test
  void everyBranchOfEveryProcedureEnds() {
    for (Sop sop : bundled.all()) {
      assertThat(loopsFrom(sop, sop.first(), new HashSet<>())).as("%s loops", sop.id()).isFalse();
    }
  }

  @Test
  void everyQuestionOffersAtLeastTwoAnswers() {
    for (Sop sop : bundled.all()) {
      for (SopStep step : sop.steps()) {
        if (step.isQuestion()) {
          assertThat(step.options()).as("%s/%s", sop.id(), step.id()).hasSizeGreaterThanOrEqualTo(2);
        }
      }
    }
  }

  @Test
  void everyStepIsWrittenInChinese() {
    for (Sop sop : bundled.all()) {
      for (SopStep step : sop.steps()) {
        assertThat(step.textZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
            .as("%s/%s", sop.id(), step.id()).isTrue();
      }
    }
  }

  @Test
  void anAlarmCannotBeResolvedBeforeItsProcedureIsWorked() {
    for (Sop sop : bundled.all()) {
      Alarm alarm = acknowledged(sop);

      assertThat(alarm.resolve(OPERATOR, alarm.version(), Verdict.FALSE_ALARM, "未处置", T0, ""))
          .as(sop.id()).isInstanceOf(Outcome.Refused.class);
    }
  }

  @Test
  void anAlarmCanBeResolvedAtTheEndOfEveryBranch() {
    for (Sop sop : bundled.all()) {
      for (List<String[]> path : answerPaths(sop, sop.first())) {
        Alarm alarm = acknowledged(sop);
        for (String[] answer : path) {
          alarm = after(alarm.answerStep(OPERATOR, alarm.version(), answer[0], answer[1], T0, ""), sop, answer);
        }

        Outcome resolved = alarm.resolve(OPERATOR, alarm.version(), Verdict.TRUE_ALARM, "处置完毕", T0, "");

        assertThat(resolved).as("%s after %s", sop.id(), describe(path)).isInstanceOf(Outcome.Changed.class);
      }
    }
  }

  @Test
  void aSafetyQuestionSkippedStillLeadsToTheDispatch() {
    Sop intrusion = bundled.forType(AlarmType.PERIMETER_INTRUSION);

    assertThat(intrusion.step("confirm").flatMap(SopStep::next)).contains("dispatch_patrol");
  }

  // ---- broken catalogs ----

  @Test
  void aCatalogWithAStepLeadingToAnUnknownStepIsRefused() {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": [],
                   "steps": [{"id": "a", "zh": "核实", "en": "Verify", "mandatory": true, "next": "nowhere"}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
  }

  @Test
  void aCatalogWithAnAnswerLeadingToAnUnknownStepIsRefused() {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": [],
                   "steps": [{"id": "a", "zh": "真实？", "en": "Real?", "mandatory": true,
                              "options": [{"id": "yes", "zh": "是", "en": "Yes", "next": "gone"},
                                          {"id": "no", "zh": "否", "en": "No"}]}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gone");
  }

  @Test
  void aCatalogWithoutADefaultProcedureIsRefused() {
    String json = """
        {"sops": [{"id": "fire", "types": ["SMOKE_FIRE"],
                   "steps": [{"id": "a", "zh": "报警", "en": "Call", "mandatory": true}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default");
  }

  @Test
  void aCatalogNamingAnUnknownAlarmTypeIsRefused() {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": ["UFO_SIGHTING"],
                   "steps": [{"id": "a", "zh": "核实", "en": "Verify", "mandatory": true}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCatalogGivingOneTypeTwoProceduresIsRefused() {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": ["MANUAL"],
                   "steps": [{"id": "a", "zh": "核实", "en": "Verify", "mandatory": true}]},
                  {"id": "h", "types": ["MANUAL"],
                   "steps": [{"id": "a", "zh": "核实", "en": "Verify", "mandatory": true}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MANUAL");
  }

  @Test
  void aStepWithoutChineseTextIsRefused() {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": [],
                   "steps": [{"id": "a", "en": "Verify", "mandatory": true}]}]}
        """;

    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zh");
  }

  @Test
  void typesNoProcedureNamesGetTheDefault() throws IOException {
    String json = """
        {"sops": [{"id": "g", "default": true, "types": [],
                   "steps": [{"id": "a", "zh": "核实", "en": "Verify", "mandatory": true}]},
                  {"id": "fire", "types": ["SMOKE_FIRE"],
                   "steps": [{"id": "a", "zh": "报警", "en": "Call", "mandatory": true}]}]}
        """;

    SopCatalog catalog = parse(json);

    assertThat(catalog.forType(AlarmType.SMOKE_FIRE).id()).isEqualTo("fire");
    assertThat(catalog.forType(AlarmType.CROWDING).id()).isEqualTo("g");
  }

  // ---- helpers ----

  private static SopCatalog parse(String json) throws IOException {
    return SopCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Alarm acknowledged(Sop sop) {
    AlarmId id = AlarmId.number(1);
    Alarm alarm = Alarm.raise(id, AlarmType.MANUAL, Severity.MAJOR, new SourceRef("user", "li"),
        AlarmLocation.point(120.95, 31.95), List.of(), List.of(), "", T0, T0, id, Optional.empty(), sop);
    return ((Outcome.Changed) alarm.acknowledge(OPERATOR, alarm.version(), T0, "")).after();
  }

  private static Alarm after(Outcome outcome, Sop sop, String[] answer) {
    assertThat(outcome).as("%s: answering %s=%s", sop.id(), answer[0], answer[1]).isInstanceOf(Outcome.Changed.class);
    return ((Outcome.Changed) outcome).after();
  }

  private static List<String> successors(SopStep step) {
    List<String> next = new ArrayList<>();
    step.next().ifPresent(next::add);
    step.options().forEach(o -> o.next().ifPresent(next::add));
    return next;
  }

  private static Set<SopStep> reachable(Sop sop) {
    Set<SopStep> seen = new HashSet<>();
    List<SopStep> todo = new ArrayList<>(List.of(sop.first()));
    while (!todo.isEmpty()) {
      SopStep step = todo.remove(todo.size() - 1);
      if (seen.add(step)) {
        successors(step).forEach(id -> todo.add(sop.step(id).orElseThrow()));
      }
    }
    return seen;
  }

  /** Whether some path from {@code step} (answers and skips alike) comes back to a step already on it. */
  private static boolean loopsFrom(Sop sop, SopStep step, Set<String> onPath) {
    if (!onPath.add(step.id())) {
      return true;
    }
    for (String next : successors(step)) {
      if (loopsFrom(sop, sop.step(next).orElseThrow(), onPath)) {
        return true;
      }
    }
    onPath.remove(step.id());
    return false;
  }

  /** Every way to answer the procedure to its end: lists of {step id, answer id}. */
  private static List<List<String[]>> answerPaths(Sop sop, SopStep step) {
    Map<String, Optional<String>> answers = new HashMap<>();
    if (step.isQuestion()) {
      for (SopOption option : step.options()) {
        answers.put(option.answerId(), option.next());
      }
    } else {
      answers.put(SopStep.DONE, step.next());
    }
    List<List<String[]>> paths = new ArrayList<>();
    answers.forEach((answer, next) -> {
      String[] here = {step.id(), answer};
      if (next.isEmpty()) {
        paths.add(List.<String[]>of(here));
      } else {
        for (List<String[]> rest : answerPaths(sop, sop.step(next.get()).orElseThrow())) {
          List<String[]> path = new ArrayList<>();
          path.add(here);
          path.addAll(rest);
          paths.add(path);
        }
      }
    });
    return paths;
  }

  private static String describe(List<String[]> path) {
    return path.stream().map(a -> a[0] + "=" + a[1]).toList().toString();
  }
}
