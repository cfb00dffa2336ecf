package io.cordon.domain.appointment;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Park;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One application (预约申请) and its workflow. Immutable: every command returns an {@link Outcome} —
 * the changed application with the {@link Transition} recording who, when and why, or a refusal
 * naming the fields at fault. The version grows with every change; a command carrying an older
 * version is refused, so two reviewers cannot both decide.
 *
 * <p>The path: the applicant drafts and {@link #submit submits}; the automatic {@link PreChecks} run
 * (mistakes refuse the submission, a blacklisted subject or forbidden goods reject it); the enterprise
 * {@link #confirm confirms} where the kind needs it; the safety department {@link #approve approves},
 * {@link #returnToApplicant returns} or {@link #reject rejects}; for dangerous goods the joint
 * reviewers then each {@link #giveOpinion give an opinion} — all agreeing approves, any objection
 * returns. Approval issues the {@link Permit}. Reviews past their window are {@link #overdueAt overdue}.
 *
 * <p>Lead times are measured from the first submission: an application returned for a correction
 * does not lose its place because the correction took time.
 */
public final class Application {

  static final int MAX_NOTE = 500;

  private final Fields f;

  private Application(Fields f) {
    this.f = f;
  }

  /** A new draft by a user of the applying enterprise, under the rules in force now. */
  public static Application draft(ApplicationId id, ApplicationKind kind, Actor applicant, ApplicationContent content,
      AppointmentRules rules, Instant at) {
    Fields f = new Fields();
    f.id = Objects.requireNonNull(id, "id");
    f.kind = Objects.requireNonNull(kind, "kind");
    f.applicant = applicant.enterprise().orElseThrow(
        () -> new IllegalArgumentException("an application is made by a user of an enterprise"));
    f.content = Objects.requireNonNull(content, "content");
    f.rules = rules.of(kind);
    f.state = ApplicationState.DRAFT;
    f.version = 1;
    f.since = at;
    f.history = List.of(new Transition("draft", ApplicationState.DRAFT, ApplicationState.DRAFT, applicant.name(), at,
        "", List.of()));
    return new Application(f);
  }

  /**
   * Everything an application holds, as a store keeps it. {@link #restore} rebuilds the application
   * exactly; it does not re-run any rule (what was decided stays decided).
   */
  public record Snapshot(ApplicationId id, ApplicationKind kind, EnterpriseId applicant, ApplicationContent content,
      KindRules rules, ApplicationState state, long version, Instant since, Optional<Instant> firstSubmittedAt,
      List<Transition> history, List<FieldError> reasons, Map<Department, Opinion> opinions,
      Optional<PermitScope> scope) {
    public Snapshot {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(firstSubmittedAt, "firstSubmittedAt");
      history = List.copyOf(history);
      reasons = List.copyOf(reasons);
      opinions = Map.copyOf(opinions);
      Objects.requireNonNull(scope, "scope");
      if (version < 1) {
        throw new IllegalArgumentException("versions start at 1");
      }
    }
  }

  /** The application as stored (see {@link Snapshot}). */
  public Snapshot snapshot() {
    return new Snapshot(f.id, f.kind, f.applicant, f.content, f.rules, f.state, f.version, f.since,
        f.firstSubmittedAt, f.history, f.reasons, f.opinions, f.scope);
  }

  /** Rebuilds a stored application. */
  public static Application restore(Snapshot s) {
    Fields f = new Fields();
    f.id = s.id();
    f.kind = s.kind();
    f.applicant = s.applicant();
    f.content = s.content();
    f.rules = s.rules();
    f.state = s.state();
    f.version = s.version();
    f.since = s.since();
    f.firstSubmittedAt = s.firstSubmittedAt();
    f.history = s.history();
    f.reasons = s.reasons();
    f.opinions = s.opinions();
    f.scope = s.scope();
    return new Application(f);
  }

  // ---- reads -------------------------------------------------------------------------------------

  public ApplicationId id() {
    return f.id;
  }

  public ApplicationKind kind() {
    return f.kind;
  }

  public EnterpriseId applicant() {
    return f.applicant;
  }

  public ApplicationContent content() {
    return f.content;
  }

  public ApplicationState state() {
    return f.state;
  }

  public long version() {
    return f.version;
  }

  /** The rules this application runs under (those in force at its last submission). */
  public KindRules rules() {
    return f.rules;
  }

  public Workflow workflow() {
    return Workflow.of(f.rules);
  }

  /** When it entered its current state. */
  public Instant since() {
    return f.since;
  }

  public Optional<Instant> firstSubmittedAt() {
    return f.firstSubmittedAt;
  }

  public List<Transition> history() {
    return f.history;
  }

  /** The reasons of the latest return or rejection; empty otherwise. */
  public List<FieldError> reasons() {
    return f.reasons;
  }

  /** The joint reviewers' opinions so far in the current joint review. */
  public Map<Department, Opinion> opinions() {
    return f.opinions;
  }

  /** Joint reviewers still to give their opinion; empty outside joint review. */
  public Set<Department> pendingDepartments() {
    if (f.state != ApplicationState.JOINT_REVIEW) {
      return Set.of();
    }
    return f.rules.jointDepartments().stream().filter(d -> !f.opinions.containsKey(d)).collect(Collectors.toSet());
  }

  /** The scope the safety department granted, kept through joint review until the permit is issued. */
  public Optional<PermitScope> scope() {
    return f.scope;
  }

  /** The permit issued on approval. */
  public Optional<PermitId> permitId() {
    return f.state == ApplicationState.APPROVED ? Optional.of(new PermitId(f.id.value())) : Optional.empty();
  }

  /** When the current review step is due: the enterprise's confirmation, the first or the joint review. */
  public Optional<Instant> reviewDue() {
    switch (f.state) {
      case SUBMITTED:
        return Optional.of(f.since.plus(f.rules.enterpriseWindow()));
      case UNDER_REVIEW:
        return Optional.of(f.since.plus(f.rules.firstReviewWindow()));
      case JOINT_REVIEW:
        return Optional.of(f.since.plus(f.rules.jointReviewWindow()));
      default:
        return Optional.empty();
    }
  }

  /** True when a review step is pending past its window at {@code now}. */
  public boolean overdueAt(Instant now) {
    return reviewDue().map(now::isAfter).orElse(false);
  }

  // ---- applicant --------------------------------------------------------------------------------

  /** Replaces the content of a draft or a returned application. */
  public Outcome edit(Actor actor, long expectedVersion, ApplicationContent content, Instant at) {
    Optional<Refusal> r = checkApplicant(actor, expectedVersion, "");
    if (r.isEmpty() && !f.state.editable()) {
      r = Optional.of(Refusal.conflict("state", "a " + name(f.state) + " application cannot be edited"));
    }
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    Fields n = f.copy();
    n.content = Objects.requireNonNull(content, "content");
    return change(n, "edit", f.state, actor.name(), at, "", List.of(), Optional.empty());
  }

  /**
   * 提交: runs the automatic pre-checks. Mistakes refuse it (INVALID, every field error); a blacklisted
   * subject or forbidden goods reject it by the system; otherwise it goes to the enterprise for
   * confirmation or straight to the safety department.
   */
  public Outcome submit(Actor actor, long expectedVersion, CheckContext ctx, Instant at) {
    Optional<Refusal> r = checkApplicant(actor, expectedVersion, "");
    if (r.isEmpty() && !f.state.editable()) {
      r = Optional.of(Refusal.conflict("state", "a " + name(f.state) + " application cannot be submitted"));
    }
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    Instant first = f.firstSubmittedAt.orElse(at);
    List<FieldError> mistakes = PreChecks.mistakes(f.id, f.kind, f.applicant, f.content, first, ctx);
    if (!mistakes.isEmpty()) {
      return new Outcome.Refused(Refusal.invalid(mistakes));
    }
    Fields n = f.copy();
    n.rules = ctx.rules().of(f.kind);
    n.firstSubmittedAt = Optional.of(first);
    n.opinions = Map.of();
    n.scope = Optional.empty();
    List<FieldError> grounds = PreChecks.grounds(f.applicant, f.content, ctx);
    if (!grounds.isEmpty()) {
      // one transition: submitted by the applicant and rejected by the system's pre-check at once
      return change(n, "auto_reject", ApplicationState.REJECTED, Actor.SYSTEM, at,
          "submitted by " + actor.name() + "; rejected by the automatic pre-check", grounds, Optional.empty());
    }
    n.reasons = List.of();
    ApplicationState to = n.rules.enterpriseConfirms() ? ApplicationState.SUBMITTED : ApplicationState.UNDER_REVIEW;
    return change(n, "submit", to, actor.name(), at, "", List.of(), Optional.empty());
  }

  /** 撤回: the applicant withdraws a pending application. After approval, the permit is revoked instead. */
  public Outcome withdraw(Actor actor, long expectedVersion, Instant at, String note) {
    Optional<Refusal> r = checkApplicant(actor, expectedVersion, note);
    if (r.isEmpty() && f.state.terminal()) {
      r = Optional.of(Refusal.conflict("state", f.state == ApplicationState.APPROVED
          ? "it is approved: revoke its permit instead" : "it is already " + name(f.state)));
    }
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return change(f.copy(), "withdraw", ApplicationState.WITHDRAWN, actor.name(), at, note, List.of(),
        Optional.empty());
  }

  // ---- enterprise -------------------------------------------------------------------------------

  /** 企业审核: the host enterprise vouches for the visit; the park reviews next. */
  public Outcome confirm(Actor actor, long expectedVersion, Instant at, String note) {
    Optional<Refusal> r = checkHost(actor, expectedVersion, note);
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return change(f.copy(), "enterprise_confirm", ApplicationState.UNDER_REVIEW, actor.name(), at, note, List.of(),
        Optional.empty());
  }

  /** The host enterprise does not vouch: back to the applicant with reasons. */
  public Outcome decline(Actor actor, long expectedVersion, List<FieldError> reasons, Instant at, String note) {
    Optional<Refusal> r = checkHost(actor, expectedVersion, note).or(() -> checkReasons(reasons));
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return change(f.copy(), "enterprise_decline", ApplicationState.RETURNED, actor.name(), at, note, reasons,
        Optional.empty());
  }

  // ---- safety department ------------------------------------------------------------------------

  /**
   * 初审通过 with the scope the permit will have (checked against the park: lanes fitting the
   * vehicle classes, core zones explicitly authorised). Kinds with a joint review go to it; the
   * others are approved and their permit issued.
   */
  public Outcome approve(Actor actor, long expectedVersion, PermitScope scope, Park park, Instant at, String note) {
    Optional<Refusal> r = checkSafety(actor, expectedVersion, note);
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    List<FieldError> problems = scope.problemsIn(park, pedestrians(), vehicleClasses()).stream()
        .map(e -> e.under("scope")).toList();
    if (!problems.isEmpty()) {
      return new Outcome.Refused(Refusal.invalid(problems));
    }
    Fields n = f.copy();
    n.scope = Optional.of(scope);
    if (f.rules.jointReview()) {
      n.opinions = Map.of();
      return change(n, "first_review_pass", ApplicationState.JOINT_REVIEW, actor.name(), at, note, List.of(),
          Optional.empty());
    }
    return approveWith(n, actor.name(), at, note, "approve");
  }

  /** 退回: back to the applicant to supplement or correct, with reasons naming the fields. */
  public Outcome returnToApplicant(Actor actor, long expectedVersion, List<FieldError> reasons, Instant at,
      String note) {
    Optional<Refusal> r = checkSafety(actor, expectedVersion, note).or(() -> checkReasons(reasons));
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return change(f.copy(), "return", ApplicationState.RETURNED, actor.name(), at, note, reasons, Optional.empty());
  }

  /** 审批未通过: refused for good, with reasons (资质不符, 路线规划不合理…). */
  public Outcome reject(Actor actor, long expectedVersion, List<FieldError> reasons, Instant at, String note) {
    Optional<Refusal> r = checkSafety(actor, expectedVersion, note).or(() -> checkReasons(reasons));
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return change(f.copy(), "reject", ApplicationState.REJECTED, actor.name(), at, note, reasons, Optional.empty());
  }

  // ---- joint review -----------------------------------------------------------------------------

  /**
   * 联合复审: one department's opinion. An objection (with reasons) returns the application at once;
   * the last agreement approves it and issues the permit.
   */
  public Outcome giveOpinion(Actor actor, long expectedVersion, boolean agrees, List<FieldError> objections,
      Instant at, String note) {
    Optional<Refusal> r = checkVersion(expectedVersion, note);
    Optional<Department> dept = actor.department().filter(f.rules.jointDepartments()::contains);
    if (r.isEmpty() && dept.isEmpty()) {
      r = Optional.of(Refusal.forbidden("actor", "only " + f.rules.jointDepartments() + " give joint opinions"));
    }
    if (r.isEmpty() && f.state != ApplicationState.JOINT_REVIEW) {
      r = Optional.of(Refusal.conflict("state", "the application is " + name(f.state) + ", not in joint review"));
    }
    if (r.isEmpty() && f.opinions.containsKey(dept.get())) {
      r = Optional.of(Refusal.conflict("department", dept.get() + " has already given its opinion"));
    }
    if (r.isEmpty() && !agrees) {
      r = checkReasons(objections);
    }
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    Fields n = f.copy();
    Map<Department, Opinion> opinions = new EnumMap<>(Department.class);
    opinions.putAll(f.opinions);
    opinions.put(dept.get(), new Opinion(dept.get(), agrees, actor.name(), at, agrees ? List.of() : objections));
    n.opinions = Map.copyOf(opinions);
    if (!agrees) {
      return change(n, "joint_objection", ApplicationState.RETURNED, actor.name(), at, note, objections,
          Optional.empty());
    }
    if (opinions.keySet().containsAll(f.rules.jointDepartments())) {
      return approveWith(n, actor.name(), at, note, "joint_approve");
    }
    return change(n, "joint_agree", ApplicationState.JOINT_REVIEW, actor.name(), at, note, List.of(),
        Optional.empty());
  }

  // ---- system -----------------------------------------------------------------------------------

  /** Ends a pending application whose window has passed. */
  public Outcome expire(Instant now) {
    if (f.state.terminal()) {
      return new Outcome.Refused(Refusal.conflict("state", "it is already " + name(f.state)));
    }
    if (now.isBefore(f.content.window().until())) {
      return new Outcome.Refused(Refusal.conflict("window", "its window ends at " + f.content.window().until()));
    }
    return change(f.copy(), "expire", ApplicationState.EXPIRED, Actor.SYSTEM, now, "", List.of(), Optional.empty());
  }

  // ---- internals --------------------------------------------------------------------------------

  private Outcome.Changed approveWith(Fields n, String by, Instant at, String note, String action) {
    ApplicationContent c = f.content;
    Map<Plate, VehicleClass> vehicles = new LinkedHashMap<>();
    for (RegisteredVehicle v : c.vehicles()) {
      vehicles.put(v.plate(), v.vehicleClass());
    }
    Permit permit = Permit.issue(new PermitId(f.id.value()), f.id.value(), Set.copyOf(c.personIds()), vehicles,
        c.host(), n.scope.orElseThrow(), c.window(), c.route(), c.loadingPoint(), at, by);
    n.reasons = List.of();
    return change(n, action, ApplicationState.APPROVED, by, at, note, List.of(), Optional.of(permit));
  }

  private boolean pedestrians() {
    return !f.kind.delivery() && !f.content.people().isEmpty();
  }

  private Set<VehicleClass> vehicleClasses() {
    return f.content.vehicles().stream().map(RegisteredVehicle::vehicleClass).collect(Collectors.toSet());
  }

  private Optional<Refusal> checkVersion(long expectedVersion, String note) {
    if (expectedVersion != f.version) {
      return Optional.of(Refusal.conflict("expectedVersion", "the application changed (version " + f.version
          + ", not " + expectedVersion + "); reload it"));
    }
    if (note != null && note.length() > MAX_NOTE) {
      return Optional.of(Refusal.invalid("note", "must be at most " + MAX_NOTE + " characters"));
    }
    return Optional.empty();
  }

  private Optional<Refusal> checkApplicant(Actor actor, long expectedVersion, String note) {
    if (!actor.of(f.applicant)) {
      return Optional.of(Refusal.forbidden("actor", "only users of " + f.applicant + " act for the applicant"));
    }
    return checkVersion(expectedVersion, note);
  }

  private Optional<Refusal> checkHost(Actor actor, long expectedVersion, String note) {
    if (!actor.of(f.content.host())) {
      return Optional.of(Refusal.forbidden("actor", "only users of " + f.content.host() + " confirm"));
    }
    Optional<Refusal> r = checkVersion(expectedVersion, note);
    if (r.isEmpty() && f.state != ApplicationState.SUBMITTED) {
      r = Optional.of(Refusal.conflict("state", "the application is " + name(f.state)
          + ", not waiting for the enterprise"));
    }
    return r;
  }

  private Optional<Refusal> checkSafety(Actor actor, long expectedVersion, String note) {
    if (!actor.in(Department.SAFETY)) {
      return Optional.of(Refusal.forbidden("actor", "only the safety department does the first review"));
    }
    Optional<Refusal> r = checkVersion(expectedVersion, note);
    if (r.isEmpty() && f.state != ApplicationState.UNDER_REVIEW) {
      r = Optional.of(Refusal.conflict("state", "the application is " + name(f.state) + ", not under review"));
    }
    return r;
  }

  private static Optional<Refusal> checkReasons(List<FieldError> reasons) {
    if (reasons == null || reasons.isEmpty()) {
      return Optional.of(Refusal.invalid("reasons", "give at least one reason"));
    }
    return Optional.empty();
  }

  private Outcome.Changed change(Fields n, String action, ApplicationState to, String by, Instant at, String note,
      List<FieldError> reasons, Optional<Permit> permit) {
    if (to != f.state && !Workflow.of(f.rules).allows(f.state, to) && !Workflow.of(n.rules).allows(f.state, to)) {
      throw new IllegalStateException(f.kind + " cannot go from " + f.state + " to " + to);
    }
    Transition t = new Transition(action, f.state, to, by, at, note == null ? "" : note.strip(), reasons);
    if (to != f.state) {
      n.since = at;
    }
    if (to == ApplicationState.RETURNED || to == ApplicationState.REJECTED) {
      n.reasons = List.copyOf(reasons);
    }
    n.state = to;
    n.version = f.version + 1;
    n.history = append(f.history, t);
    return new Outcome.Changed(new Application(n), t, permit);
  }

  private static List<Transition> append(List<Transition> history, Transition t) {
    List<Transition> h = new ArrayList<>(history);
    h.add(t);
    return List.copyOf(h);
  }

  private static String name(ApplicationState s) {
    return s.name().toLowerCase().replace('_', ' ');
  }

  private static final class Fields {
    ApplicationId id;
    ApplicationKind kind;
    EnterpriseId applicant;
    ApplicationContent content;
    KindRules rules;
    ApplicationState state;
    long version;
    Instant since;
    Optional<Instant> firstSubmittedAt = Optional.empty();
    List<Transition> history = List.of();
    List<FieldError> reasons = List.of();
    Map<Department, Opinion> opinions = Map.of();
    Optional<PermitScope> scope = Optional.empty();

    Fields copy() {
      Fields c = new Fields();
      c.id = id;
      c.kind = kind;
      c.applicant = applicant;
      c.content = content;
      c.rules = rules;
      c.state = state;
      c.version = version;
      c.since = since;
      c.firstSubmittedAt = firstSubmittedAt;
      c.history = history;
      c.reasons = reasons;
      c.opinions = opinions;
      c.scope = scope;
      return c;
    }
  }
}
