package io.cordon.domain.alarm;

import io.cordon.domain.park.CameraId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One alarm and its lifecycle (接警 → 派警 → 到场 → 处置 → 关闭). Immutable: every command returns
 * an {@link Outcome} — the changed alarm with the {@link Transition} that records the change, or a
 * {@link Refusal} naming the field at fault. The version grows with every change, so two operators
 * who saw the same version cannot both take it: the second is refused.
 *
 * <p>Once acknowledged, an alarm belongs to its assignee; only they or a supervisor act on it.
 */
public final class Alarm {

  /** Evidence kept per alarm; older references are still in the journal. */
  public static final int MAX_EVIDENCE = 8;
  static final int MIN_TEXT = 2;
  static final int MAX_CAUSE = 200;
  static final int MAX_NOTE = 500;

  private final Fields f;

  private Alarm(Fields fields) {
    this.f = fields;
  }

  /** A new alarm, raised from its first report. */
  public static Alarm raise(AlarmId id, AlarmType type, Severity severity, SourceRef source, AlarmLocation location,
      List<CameraId> linkedCameras, List<Evidence> evidence, String detail, Instant observedAt, Instant raisedAt,
      AlarmId incident, Optional<Duration> escalateAfter, Sop sop) {
    Fields f = new Fields();
    f.id = Objects.requireNonNull(id, "id");
    f.type = Objects.requireNonNull(type, "type");
    f.severity = Objects.requireNonNull(severity, "severity");
    f.source = Objects.requireNonNull(source, "source");
    f.location = Objects.requireNonNull(location, "location");
    f.linkedCameras = List.copyOf(linkedCameras);
    f.evidence = latest(List.of(), evidence);
    f.detail = Objects.requireNonNull(detail, "detail");
    f.count = 1;
    f.firstAt = Objects.requireNonNull(observedAt, "observedAt");
    f.lastAt = observedAt;
    f.raisedAt = Objects.requireNonNull(raisedAt, "raisedAt");
    f.incident = Objects.requireNonNull(incident, "incident");
    f.state = AlarmState.NEW;
    f.version = 1;
    f.ackDue = escalateAfter.map(raisedAt::plus);
    f.sop = SopProgress.start(Objects.requireNonNull(sop, "sop"));
    f.history = List.of(new Transition("raised", AlarmState.NEW, AlarmState.NEW, Transition.SYSTEM, raisedAt, detail));
    return new Alarm(f);
  }

  // ---- reads ----------------------------------------------------------------------------------

  public AlarmId id() {
    return f.id;
  }

  public AlarmType type() {
    return f.type;
  }

  public Severity severity() {
    return f.severity;
  }

  public SourceRef source() {
    return f.source;
  }

  public AlarmLocation location() {
    return f.location;
  }

  public List<CameraId> linkedCameras() {
    return f.linkedCameras;
  }

  public List<Evidence> evidence() {
    return f.evidence;
  }

  public String detail() {
    return f.detail;
  }

  /** Reports counted on this alarm: its first and every repeat. */
  public int count() {
    return f.count;
  }

  /** When its source first observed it. */
  public Instant firstAt() {
    return f.firstAt;
  }

  /** The latest observation counted (a late, out-of-order repeat does not move it back). */
  public Instant lastAt() {
    return f.lastAt;
  }

  /** When the server raised it (SLA timers run from here). */
  public Instant raisedAt() {
    return f.raisedAt;
  }

  public AlarmId incident() {
    return f.incident;
  }

  public AlarmState state() {
    return f.state;
  }

  public long version() {
    return f.version;
  }

  public Optional<String> assignee() {
    return f.assignee;
  }

  /** Acknowledge before this or it escalates; empty once acknowledged or for types without a deadline. */
  public Optional<Instant> ackDue() {
    return f.ackDue;
  }

  public boolean escalated() {
    return f.escalated;
  }

  public Optional<DispatchTask> task() {
    return f.task;
  }

  public Optional<Verdict> verdict() {
    return f.verdict;
  }

  public String cause() {
    return f.cause;
  }

  public List<Transition> history() {
    return f.history;
  }

  public SopProgress sop() {
    return f.sop;
  }

  /** The pending forward chain: the user it is offered to now first, then the next ones. */
  public List<String> forwardTo() {
    return f.forwardTo;
  }

  /** When the offer to the head of {@link #forwardTo()} lapses and passes to the next. */
  public Optional<Instant> forwardDue() {
    return f.forwardDue;
  }

  public Duration forwardDelay() {
    return f.forwardDelay;
  }

  public boolean autoAcknowledged() {
    return f.autoAcknowledged;
  }

  /** When it was closed, if it is. */
  public Optional<Instant> closedAt() {
    return f.state == AlarmState.CLOSED ? Optional.of(f.history.get(f.history.size() - 1).at()) : Optional.empty();
  }

  // ---- device reports ---------------------------------------------------------------------------

  /** Counts another report of the same source on this open alarm (no history entry: the journal has it). */
  public Alarm repeat(Instant observedAt, List<Evidence> evidence, String detail) {
    Fields n = f.copy();
    n.count = f.count + 1;
    if (observedAt.isAfter(f.lastAt)) {
      n.lastAt = observedAt;
    }
    n.evidence = latest(f.evidence, evidence);
    if (!detail.isEmpty()) {
      n.detail = detail;
    }
    n.version = f.version + 1;
    return new Alarm(n);
  }

  // ---- operator commands ---------------------------------------------------------------------------

  /** 接警: takes a new alarm; the taker becomes its assignee. */
  public Outcome acknowledge(Actor actor, long expectedVersion, Instant at, String note) {
    Optional<Refusal> refusal = check(expectedVersion, note);
    if (refusal.isEmpty() && f.state != AlarmState.NEW) {
      refusal = Optional.of(Refusal.conflict("action", "already " + f.state.name().toLowerCase()
          + f.assignee.map(a -> " by " + a).orElse("")));
    }
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    Fields n = f.copy();
    n.assignee = Optional.of(actor.name());
    n.ackDue = Optional.empty();
    n.forwardTo = List.of();
    n.forwardDue = Optional.empty();
    return change(n, "acknowledge", AlarmState.ACKNOWLEDGED, actor.name(), at, note);
  }

  /** 派警: sends a task to a patrol or team. Again from dispatched or on site re-dispatches. */
  public Outcome dispatch(Actor actor, long expectedVersion, DispatchTask task, Instant at, String note) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, note,
        AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE);
    if (refusal.isEmpty()) {
      refusal = checkTask(task);
    }
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    Fields n = f.copy();
    n.task = Optional.of(task);
    return change(n, "dispatch", AlarmState.DISPATCHED, actor.name(), at, note);
  }

  /** 到场: the team reports it is on site. */
  public Outcome onSite(Actor actor, long expectedVersion, Instant at, String note) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, note, AlarmState.DISPATCHED);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return change(f.copy(), "on_site", AlarmState.ON_SITE, actor.name(), at, note);
  }

  /** 处置: a verdict and its cause; not before every mandatory SOP step is answered or skipped. */
  public Outcome resolve(Actor actor, long expectedVersion, Verdict verdict, String cause, Instant at, String note) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, note,
        AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE);
    if (refusal.isEmpty() && verdict == null) {
      refusal = Optional.of(Refusal.invalid("resolve.verdict", "is required"));
    }
    String trimmed = cause == null ? "" : cause.strip();
    if (refusal.isEmpty() && (trimmed.length() < MIN_TEXT || trimmed.length() > MAX_CAUSE)) {
      refusal = Optional.of(Refusal.invalid("resolve.cause", "must be " + MIN_TEXT + ".." + MAX_CAUSE + " characters"));
    }
    if (refusal.isEmpty() && !f.sop.mandatoryDone()) {
      refusal = Optional.of(Refusal.conflict("action", "mandatory procedure steps are open (current: "
          + f.sop.currentStep().map(Sop.SopStep::id).orElse("-") + ")"));
    }
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    Fields n = f.copy();
    n.verdict = Optional.of(verdict);
    n.cause = trimmed;
    return change(n, "resolve", AlarmState.RESOLVED, actor.name(), at, note);
  }

  /** 关闭: files a resolved alarm away. */
  public Outcome close(Actor actor, long expectedVersion, Instant at, String note) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, note, AlarmState.RESOLVED);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return change(f.copy(), "close", AlarmState.CLOSED, actor.name(), at, note);
  }

  /** Answers the current SOP step (an option id, or "done" for a plain step). */
  public Outcome answerStep(Actor actor, long expectedVersion, String stepId, String answerId, Instant at,
      String note) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, note,
        AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    SopProgress.Result result = f.sop.answer(stepId, answerId, actor.name(), at);
    if (result.refusal().isPresent()) {
      return Outcome.refused(result.refusal().get());
    }
    Fields n = f.copy();
    n.sop = result.progress();
    return change(n, "sop_answer", f.state, actor.name(), at, stepId + "=" + answerId + note(note));
  }

  /** Skips the current SOP step with a reason; the supervisors are told (the transition says so). */
  public Outcome skipStep(Actor actor, long expectedVersion, String stepId, String reason, Instant at) {
    Optional<Refusal> refusal = checkOwned(actor, expectedVersion, "",
        AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ON_SITE);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    SopProgress.Result result = f.sop.skip(stepId, reason, actor.name(), at);
    if (result.refusal().isPresent()) {
      return Outcome.refused(result.refusal().get());
    }
    Fields n = f.copy();
    n.sop = result.progress();
    return change(n, "sop_skip", f.state, actor.name(), at, stepId + ": " + reason.strip());
  }

  /**
   * Hands the alarm to other operators in turn: it goes back to NEW, offered to {@code to.get(0)}; the
   * offer passes to the next when it is not acknowledged within {@code delay}.
   */
  public Outcome forward(Actor actor, long expectedVersion, List<String> to, Duration delay, Instant at,
      String note) {
    Optional<Refusal> refusal = check(expectedVersion, note);
    if (refusal.isEmpty() && !f.state.isOpen()) {
      refusal = Optional.of(Refusal.conflict("action", "cannot forward a " + f.state.name().toLowerCase() + " alarm"));
    }
    if (refusal.isEmpty() && f.assignee.isPresent() && !mayAct(actor)) {
      refusal = Optional.of(notYours());
    }
    if (refusal.isEmpty() && (to.isEmpty() || to.size() > 5 || to.stream().anyMatch(String::isBlank))) {
      refusal = Optional.of(Refusal.invalid("forward.to", "must name 1..5 users"));
    }
    if (refusal.isEmpty() && (delay.compareTo(Duration.ofSeconds(10)) < 0
        || delay.compareTo(Duration.ofHours(1)) > 0)) {
      refusal = Optional.of(Refusal.invalid("forward.delay_seconds", "must be 10..3600"));
    }
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    Fields n = f.copy();
    n.assignee = Optional.empty();
    n.forwardTo = List.copyOf(to);
    n.forwardDelay = delay;
    n.forwardDue = Optional.of(at.plus(delay));
    return change(n, "forward", AlarmState.NEW, actor.name(), at, "→ " + String.join(", ", to) + note(note));
  }

  // ---- timers (the system acts) ----------------------------------------------------------------------

  /** Escalates to the supervisors when its acknowledgement deadline has passed. */
  public Optional<Outcome.Changed> escalateIfOverdue(Instant now) {
    if (f.state != AlarmState.NEW || f.escalated || f.ackDue.isEmpty() || now.isBefore(f.ackDue.get())) {
      return Optional.empty();
    }
    Fields n = f.copy();
    n.escalated = true;
    return Optional.of(changed(n, "escalate", f.state, Transition.SYSTEM, now,
        "not acknowledged within " + Duration.between(f.raisedAt, f.ackDue.get()).toSeconds() + " s"));
  }

  /** Acknowledges an info alarm on the system's behalf once it has waited {@code after}. */
  public Optional<Outcome.Changed> autoAcknowledgeIfDue(Duration after, Instant now) {
    if (f.state != AlarmState.NEW || f.severity != Severity.INFO || now.isBefore(f.raisedAt.plus(after))) {
      return Optional.empty();
    }
    Fields n = f.copy();
    n.autoAcknowledged = true;
    n.assignee = Optional.of(Transition.SYSTEM);
    n.ackDue = Optional.empty();
    n.forwardTo = List.of();
    n.forwardDue = Optional.empty();
    return Optional.of(changed(n, "auto_acknowledge", AlarmState.ACKNOWLEDGED, Transition.SYSTEM, now,
        "info alarm acknowledged after " + after.toSeconds() + " s"));
  }

  /**
   * The earliest instant one of the timers ({@link #escalateIfOverdue}, {@link #autoAcknowledgeIfDue},
   * {@link #advanceForwardIfDue}) can change this alarm; empty when none can. The center's timer index
   * looks only at alarms whose instant has come, so a storm of open alarms costs nothing per tick.
   */
  public Optional<Instant> nextTimer(Optional<Duration> autoAcknowledgeAfter) {
    if (f.state != AlarmState.NEW) {
      return Optional.empty();
    }
    Instant next = null;
    if (!f.escalated && f.ackDue.isPresent()) {
      next = f.ackDue.get();
    }
    if (f.severity == Severity.INFO && autoAcknowledgeAfter.isPresent()) {
      next = earlier(next, f.raisedAt.plus(autoAcknowledgeAfter.get()));
    }
    if (f.forwardTo.size() >= 2 && f.forwardDue.isPresent()) {
      next = earlier(next, f.forwardDue.get());
    }
    return Optional.ofNullable(next);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** Passes a lapsed forward offer to the next user of the chain (the last offer simply stays). */
  public Optional<Outcome.Changed> advanceForwardIfDue(Instant now) {
    if (f.state != AlarmState.NEW || f.forwardTo.size() < 2 || f.forwardDue.isEmpty()
        || now.isBefore(f.forwardDue.get())) {
      return Optional.empty();
    }
    Fields n = f.copy();
    n.forwardTo = List.copyOf(f.forwardTo.subList(1, f.forwardTo.size()));
    n.forwardDue = Optional.of(now.plus(f.forwardDelay));
    return Optional.of(changed(n, "forward", f.state, Transition.SYSTEM, now,
        f.forwardTo.get(0) + " did not acknowledge → " + n.forwardTo.get(0)));
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private Optional<Refusal> check(long expectedVersion, String note) {
    if (expectedVersion != f.version) {
      return Optional.of(Refusal.conflict("expected_version", "the alarm changed: it is at version " + f.version
          + " (" + f.state.name().toLowerCase() + f.assignee.map(a -> ", " + a).orElse("") + "), not "
          + expectedVersion));
    }
    if (note != null && note.length() > MAX_NOTE) {
      return Optional.of(Refusal.invalid("note", "must be at most " + MAX_NOTE + " characters"));
    }
    return Optional.empty();
  }

  private Optional<Refusal> checkOwned(Actor actor, long expectedVersion, String note, AlarmState... allowed) {
    Optional<Refusal> refusal = check(expectedVersion, note);
    if (refusal.isPresent()) {
      return refusal;
    }
    if (!List.of(allowed).contains(f.state)) {
      return Optional.of(Refusal.conflict("action", "not allowed while the alarm is " + f.state.name().toLowerCase()));
    }
    if (!mayAct(actor)) {
      return Optional.of(notYours());
    }
    return Optional.empty();
  }

  private boolean mayAct(Actor actor) {
    return actor.supervisor() || f.assignee.map(a -> a.equals(actor.name()) || a.equals(Transition.SYSTEM))
        .orElse(true);
  }

  private Refusal notYours() {
    return Refusal.forbidden("action", "the alarm is handled by " + f.assignee.orElse("-"));
  }

  private static Optional<Refusal> checkTask(DispatchTask task) {
    if (task == null) {
      return Optional.of(Refusal.invalid("dispatch.task", "is required"));
    }
    if (task.team().isBlank() || task.team().length() > 64) {
      return Optional.of(Refusal.invalid("dispatch.task.team", "must be 1..64 characters"));
    }
    if (task.text().isBlank() || task.text().length() > 500) {
      return Optional.of(Refusal.invalid("dispatch.task.text", "must be 1..500 characters"));
    }
    if (task.voiceMessage().length() > 200) {
      return Optional.of(Refusal.invalid("dispatch.task.voice_message", "must be at most 200 characters"));
    }
    return Optional.empty();
  }

  private Outcome change(Fields n, String action, AlarmState to, String by, Instant at, String note) {
    return changed(n, action, to, by, at, note);
  }

  private Outcome.Changed changed(Fields n, String action, AlarmState to, String by, Instant at, String note) {
    Transition transition = new Transition(action, f.state, to, by, at, note == null ? "" : note);
    n.state = to;
    n.version = f.version + 1;
    List<Transition> history = new ArrayList<>(f.history);
    history.add(transition);
    n.history = List.copyOf(history);
    return new Outcome.Changed(new Alarm(n), transition);
  }

  private static String note(String note) {
    return note == null || note.isBlank() ? "" : " — " + note;
  }

  private static List<Evidence> latest(List<Evidence> kept, List<Evidence> added) {
    List<Evidence> all = new ArrayList<>(kept);
    all.addAll(added);
    return List.copyOf(all.subList(Math.max(0, all.size() - MAX_EVIDENCE), all.size()));
  }

  @Override
  public String toString() {
    return "Alarm[" + f.id + " " + f.type + " " + f.severity + " " + f.state + " v" + f.version + "]";
  }

  /** Restores an alarm exactly as stored (the server's current-state table); no rule is applied. */
  public static Alarm restore(Snapshot s) {
    Fields n = new Fields();
    n.id = s.id();
    n.type = s.type();
    n.severity = s.severity();
    n.source = s.source();
    n.location = s.location();
    n.linkedCameras = List.copyOf(s.linkedCameras());
    n.evidence = List.copyOf(s.evidence());
    n.detail = s.detail();
    n.count = s.count();
    n.firstAt = s.firstAt();
    n.lastAt = s.lastAt();
    n.raisedAt = s.raisedAt();
    n.incident = s.incident();
    n.state = s.state();
    n.version = s.version();
    n.assignee = s.assignee();
    n.ackDue = s.ackDue();
    n.escalated = s.escalated();
    n.task = s.task();
    n.verdict = s.verdict();
    n.cause = s.cause();
    n.history = List.copyOf(s.history());
    n.sop = s.sop();
    n.forwardTo = List.copyOf(s.forwardTo());
    n.forwardDue = s.forwardDue();
    n.forwardDelay = s.forwardDelay();
    n.autoAcknowledged = s.autoAcknowledged();
    return new Alarm(n);
  }

  /** Everything an alarm holds, for storing and {@link #restore restoring} it. */
  public Snapshot snapshot() {
    return new Snapshot(f.id, f.type, f.severity, f.source, f.location, f.linkedCameras, f.evidence, f.detail, f.count,
        f.firstAt, f.lastAt, f.raisedAt, f.incident, f.state, f.version, f.assignee, f.ackDue, f.escalated, f.task,
        f.verdict, f.cause, f.history, f.sop, f.forwardTo, f.forwardDue, f.forwardDelay, f.autoAcknowledged);
  }

  /** The stored form of an alarm. */
  public record Snapshot(AlarmId id, AlarmType type, Severity severity, SourceRef source, AlarmLocation location,
      List<CameraId> linkedCameras, List<Evidence> evidence, String detail, int count, Instant firstAt,
      Instant lastAt, Instant raisedAt, AlarmId incident, AlarmState state, long version, Optional<String> assignee,
      Optional<Instant> ackDue, boolean escalated, Optional<DispatchTask> task, Optional<Verdict> verdict,
      String cause, List<Transition> history, SopProgress sop, List<String> forwardTo, Optional<Instant> forwardDue,
      Duration forwardDelay, boolean autoAcknowledged) {
  }

  private static final class Fields implements Cloneable {
    AlarmId id;
    AlarmType type;
    Severity severity;
    SourceRef source;
    AlarmLocation location;
    List<CameraId> linkedCameras;
    List<Evidence> evidence;
    String detail;
    int count;
    Instant firstAt;
    Instant lastAt;
    Instant raisedAt;
    AlarmId incident;
    AlarmState state;
    long version;
    Optional<String> assignee = Optional.empty();
    Optional<Instant> ackDue = Optional.empty();
    boolean escalated;
    Optional<DispatchTask> task = Optional.empty();
    Optional<Verdict> verdict = Optional.empty();
    String cause = "";
    List<Transition> history;
    SopProgress sop;
    List<String> forwardTo = List.of();
    Optional<Instant> forwardDue = Optional.empty();
    Duration forwardDelay = Duration.ofSeconds(60);
    boolean autoAcknowledged;

    Fields copy() {
      try {
        return (Fields) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
