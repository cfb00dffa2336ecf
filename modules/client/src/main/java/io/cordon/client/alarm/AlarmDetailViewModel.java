package io.cordon.client.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.SopOption;
import io.cordon.api.v1.SopOutcome;
import io.cordon.api.v1.SopProgress;
import io.cordon.api.v1.SopStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One alarm in full for the detail pane: where (point, zone, segment, gate, camera), its linked
 * cameras, evidence, history, the SOP checklist in the operator's language, the SLA deadline and
 * the other alarms of its incident. It follows {@link #alarmIdProperty()} (bind it to the queue's
 * selection) and the store's changes to that alarm. UI executor only.
 */
public final class AlarmDetailViewModel implements AlarmStore.Listener {

  private final AlarmStore store;
  private final StringProperty alarmId = new SimpleStringProperty(this, "alarmId");
  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.SIMPLIFIED_CHINESE);
  private final ReadOnlyObjectWrapper<Alarm> alarm = new ReadOnlyObjectWrapper<>(this, "alarm");
  private final ObservableList<String> linkedCameras = FXCollections.observableArrayList();
  private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
  private final ObservableList<AlarmTransition> history = FXCollections.observableArrayList();
  private final ObservableList<SopStepRow> sopSteps = FXCollections.observableArrayList();
  private final ObservableList<Alarm> incidentMembers = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper mandatoryDone = new ReadOnlyBooleanWrapper(this, "mandatoryDone", true);
  private final ReadOnlyBooleanWrapper escalated = new ReadOnlyBooleanWrapper(this, "escalated");

  public AlarmDetailViewModel(AlarmStore store) {
    this.store = Objects.requireNonNull(store, "store");
    alarmId.addListener(o -> show(alarmId.get() == null ? null : store.find(alarmId.get()).orElse(null)));
    locale.addListener(o -> show(alarm.get()));
    store.addListener(this);
  }

  /** The alarm to show; null or unknown shows nothing. */
  public StringProperty alarmIdProperty() {
    return alarmId;
  }

  /** Chooses the SOP texts: English for an English locale, Chinese otherwise. */
  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  /** The alarm as the store has it now; null when none is selected. */
  public ReadOnlyObjectProperty<Alarm> alarmProperty() {
    return alarm.getReadOnlyProperty();
  }

  public ObservableList<String> linkedCameras() {
    return linkedCameras;
  }

  public ObservableList<Evidence> evidence() {
    return evidence;
  }

  /** Every transition, newest first. */
  public ObservableList<AlarmTransition> history() {
    return history;
  }

  /** The procedure's steps in order, with where each stands. */
  public ObservableList<SopStepRow> sopSteps() {
    return sopSteps;
  }

  /** The other alarms of the incident (not the one shown), most recent first. */
  public ObservableList<Alarm> incidentMembers() {
    return incidentMembers;
  }

  /** Every mandatory step on the taken path is answered or skipped (true without a procedure). */
  public ReadOnlyBooleanProperty mandatoryDoneProperty() {
    return mandatoryDone.getReadOnlyProperty();
  }

  /** Passed to the supervisors because nobody acknowledged it in time. */
  public ReadOnlyBooleanProperty escalatedProperty() {
    return escalated.getReadOnlyProperty();
  }

  /** Time left to acknowledge (negative when overdue); empty once acknowledged or without a deadline. */
  public Optional<Duration> slaRemaining(Instant now) {
    return alarm.get() == null ? Optional.empty() : AlarmProtos.slaRemaining(alarm.get(), now);
  }

  @Override
  public void onAlarmsChanged(AlarmStore.Changes changes) {
    String id = alarmId.get();
    if (id == null) {
      return;
    }
    Alarm shown = alarm.get();
    boolean touched = changes.replaced();
    for (Alarm changed : changes.changed()) {
      if (touched) {
        break;
      }
      touched = changed.getAlarmId().equals(id)
          || (shown != null && incidentOf(changed).equals(incidentOf(shown)));
    }
    if (touched) {
      show(store.find(id).orElse(null));
    }
  }

  private void show(Alarm current) {
    alarm.set(current);
    if (current == null) {
      linkedCameras.clear();
      evidence.clear();
      history.clear();
      sopSteps.clear();
      incidentMembers.clear();
      mandatoryDone.set(true);
      escalated.set(false);
      return;
    }
    linkedCameras.setAll(current.getLinkedCameraIdsList());
    evidence.setAll(current.getEvidenceList());
    List<AlarmTransition> newestFirst = new ArrayList<>(current.getHistoryList());
    java.util.Collections.reverse(newestFirst);
    history.setAll(newestFirst);
    sopSteps.setAll(steps(current.getSop(), english()));
    mandatoryDone.set(isMandatoryDone(current));
    escalated.set(current.getEscalated());
    List<Alarm> members = new ArrayList<>();
    String incident = incidentOf(current);
    for (Alarm other : store.all()) {
      if (!other.getAlarmId().equals(current.getAlarmId()) && incidentOf(other).equals(incident)) {
        members.add(other);
      }
    }
    members.sort(Comparator.comparing((Alarm a) -> AlarmProtos.instant(a.getLastAt())).reversed());
    incidentMembers.setAll(members);
  }

  /** True when the alarm has no procedure or the server says its mandatory steps are done. */
  public static boolean isMandatoryDone(Alarm alarm) {
    return !alarm.hasSop() || alarm.getSop().getStepsCount() == 0 || alarm.getSop().getMandatoryDone();
  }

  private boolean english() {
    return locale.get() != null && "en".equals(locale.get().getLanguage());
  }

  private static String incidentOf(Alarm alarm) {
    return alarm.getIncidentId().isEmpty() ? alarm.getAlarmId() : alarm.getIncidentId();
  }

  /** The procedure as rows: each step with its latest outcome, or whether it is next. */
  static List<SopStepRow> steps(SopProgress sop, boolean english) {
    Map<String, SopOutcome> outcomes = new HashMap<>();
    for (SopOutcome outcome : sop.getOutcomesList()) {
      outcomes.put(outcome.getStepId(), outcome); // later outcomes win
    }
    List<SopStepRow> rows = new ArrayList<>(sop.getStepsCount());
    for (SopStep step : sop.getStepsList()) {
      List<SopStepRow.Option> options = new ArrayList<>();
      Map<String, String> answerTexts = new HashMap<>();
      for (SopOption option : step.getOptionsList()) {
        String text = text(english, option.getTextZh(), option.getTextEn());
        options.add(new SopStepRow.Option(option.getAnswerId(), text));
        answerTexts.put(option.getAnswerId(), text);
      }
      SopOutcome outcome = outcomes.get(step.getStepId());
      SopStepRow.Status status;
      String said = "";
      String by = "";
      if (outcome != null) {
        status = outcome.getSkipped() ? SopStepRow.Status.SKIPPED : SopStepRow.Status.DONE;
        said = outcome.getSkipped() ? outcome.getReason() : answerTexts.getOrDefault(outcome.getAnswerId(), "");
        by = outcome.getBy();
      } else if (sop.getNextStepIdsList().contains(step.getStepId())) {
        status = SopStepRow.Status.NEXT;
      } else {
        status = SopStepRow.Status.PENDING;
      }
      rows.add(new SopStepRow(step.getStepId(), text(english, step.getTextZh(), step.getTextEn()), step.getMandatory(),
          status, said, by, options));
    }
    return rows;
  }

  private static String text(boolean english, String zh, String en) {
    if (english) {
      return en.isEmpty() ? zh : en;
    }
    return zh.isEmpty() ? en : zh;
  }
}
