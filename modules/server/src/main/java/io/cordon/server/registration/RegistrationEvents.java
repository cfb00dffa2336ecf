package io.cordon.server.registration;

import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationContent;
import io.cordon.domain.appointment.Transition;
import io.cordon.domain.park.GateId;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.Appeal;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import io.cordon.domain.violation.Violation;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The journal events of registration. Subjects, first the main one: {@code application},
 * {@code permit}, {@code violation}, {@code blacklist}, {@code appeal}; then the enterprises
 * ({@code enterprise}), people ({@code person}, by registry id), vehicles ({@code vehicle}, by plate),
 * gates ({@code gate}) and the acting user ({@code user}), so the timeline of any of them and an
 * applicant's live view find the event.
 */
final class RegistrationEvents {

  /** At most this many people and vehicles are named as subjects of one event (a long-term registration can list hundreds). */
  static final int MAX_NAMED = 50;
  private static final int MAX_TEXT = 300;

  /** The event type of each domain action: application.&lt;past tense&gt;. */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("draft", "application.drafted"),
      Map.entry("edit", "application.edited"),
      Map.entry("submit", "application.submitted"),
      Map.entry("auto_reject", "application.auto_rejected"),
      Map.entry("enterprise_confirm", "application.confirmed"),
      Map.entry("enterprise_decline", "application.declined"),
      Map.entry("first_review_pass", "application.first_review_passed"),
      Map.entry("approve", "application.approved"),
      Map.entry("joint_approve", "application.approved"),
      Map.entry("joint_agree", "application.joint_agreed"),
      Map.entry("joint_objection", "application.joint_objected"),
      Map.entry("return", "application.returned"),
      Map.entry("reject", "application.rejected"),
      Map.entry("withdraw", "application.withdrawn"),
      Map.entry("expire", "application.expired"));

  private RegistrationEvents() {
  }

  static String typeOf(String action) {
    return TYPES.getOrDefault(action, "application." + action);
  }

  static NewEvent application(Application a, Transition t) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("application", a.id().value()));
    subjects.add(new SubjectKey("enterprise", a.applicant().value()));
    if (!a.content().host().equals(a.applicant())) {
      subjects.add(new SubjectKey("enterprise", a.content().host().value()));
    }
    named(a.content(), subjects);
    user(t.by(), subjects);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("application_id", a.id().value());
    attributes.put("kind", a.kind().name());
    attributes.put("action", t.action());
    attributes.put("from", t.from().name());
    attributes.put("state", a.state().name());
    attributes.put("version", Long.toString(a.version()));
    attributes.put("by", t.by());
    attributes.put("window_from", a.content().window().from().toString());
    attributes.put("window_until", a.content().window().until().toString());
    a.reviewDue().ifPresent(d -> attributes.put("review_due", d.toString()));
    if (!t.note().isEmpty()) {
      attributes.put("note", clip(t.note()));
    }
    if (!t.reasons().isEmpty()) {
      attributes.put("reasons", clip(t.reasons().stream().map(r -> RegistrationProtos.contentPath(r.field()) + ": "
          + r.reason()).collect(Collectors.joining("; "))));
    }
    String summary = a.id() + " " + a.kind().name().toLowerCase() + " of " + a.applicant() + ": " + t.action()
        + " (" + t.from().name().toLowerCase() + " → " + a.state().name().toLowerCase() + ")"
        + (t.by().equals(io.cordon.domain.appointment.Actor.SYSTEM) ? " by the system" : " by " + t.by())
        + (t.reasons().isEmpty() ? "" : " — " + t.reasons().get(0).reason());
    return new NewEvent(t.at(), typeOf(t.action()), subjects, Optional.empty(), clipSummary(summary), attributes);
  }

  /**
   * {@code application.review_overdue}: the pending review step (the host enterprise's confirmation,
   * the first or the joint review) passed its window without a decision. Once per step; subjects as
   * the application's other events, without a user (the system notices it).
   */
  static NewEvent reviewOverdue(Application a, Instant due, Instant at) { // at: when it became overdue
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("application", a.id().value()));
    subjects.add(new SubjectKey("enterprise", a.applicant().value()));
    if (!a.content().host().equals(a.applicant())) {
      subjects.add(new SubjectKey("enterprise", a.content().host().value()));
    }
    named(a.content(), subjects);
    String step = stepOf(a);
    String pending = a.pendingDepartments().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("application_id", a.id().value());
    attributes.put("kind", a.kind().name());
    attributes.put("state", a.state().name());
    attributes.put("step", step);
    attributes.put("review_due", due.toString());
    attributes.put("since", a.since().toString());
    attributes.put("version", Long.toString(a.version()));
    if (!pending.isEmpty()) {
      attributes.put("pending_departments", pending);
    }
    String summary = a.id() + " " + a.kind().name().toLowerCase() + " of " + a.applicant() + ": "
        + step.replace('_', ' ') + " overdue (due " + due + ")" + (pending.isEmpty() ? "" : " — waiting for " + pending);
    return new NewEvent(at, "application.review_overdue", subjects, Optional.empty(), clipSummary(summary),
        attributes);
  }

  /** The review step an application waits for, by its state. */
  static String stepOf(Application a) {
    switch (a.state()) {
      case SUBMITTED:
        return "enterprise_confirmation";
      case UNDER_REVIEW:
        return "first_review";
      case JOINT_REVIEW:
        return "joint_review";
      default:
        return a.state().name().toLowerCase();
    }
  }

  /**
   * {@code permit.issued}, {@code permit.revoked}, {@code permit.exit_requested},
   * {@code permit.exit_confirmed}: subjects permit, application, every gate of its scope, the host,
   * then the plates and people. Attributes carry what a gate needs to admit: lanes, window, plates,
   * people, zones, route.
   */
  static NewEvent permit(String type, Permit p, Instant at, String by, String note) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("permit", p.id().value()));
    subjects.add(new SubjectKey("application", p.applicationId()));
    for (GateId g : p.gates()) {
      subjects.add(new SubjectKey("gate", g.value()));
    }
    subjects.add(new SubjectKey("enterprise", p.host().value()));
    p.vehicles().keySet().stream().map(Plate::value).sorted().limit(MAX_NAMED)
        .forEach(v -> subjects.add(new SubjectKey("vehicle", v)));
    p.people().stream().map(PersonId::value).sorted().limit(MAX_NAMED)
        .forEach(v -> subjects.add(new SubjectKey("person", v)));
    user(by, subjects);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("permit_id", p.id().value());
    attributes.put("application_id", p.applicationId());
    attributes.put("gates", p.gates().stream().map(GateId::value).collect(Collectors.joining(",")));
    attributes.put("lanes", p.scope().lanes().stream().map(LaneRef::toString).collect(Collectors.joining(",")));
    attributes.put("window_from", p.window().from().toString());
    attributes.put("window_until", p.window().until().toString());
    attributes.put("plates", clip(p.vehicles().keySet().stream().map(Plate::value).sorted()
        .collect(Collectors.joining(","))));
    attributes.put("vehicle_classes", clip(p.vehicles().entrySet().stream()
        .sorted(Map.Entry.comparingByKey((x, y) -> x.value().compareTo(y.value())))
        .map(e -> e.getValue().name()).collect(Collectors.joining(","))));
    attributes.put("people", Integer.toString(p.people().size()));
    attributes.put("zones", clip(p.scope().zones().stream().map(z -> z.value()).collect(Collectors.joining(","))));
    attributes.put("core_zones", clip(p.scope().authorisedCoreZones().stream().map(z -> z.value()).sorted()
        .collect(Collectors.joining(","))));
    p.route().ifPresent(r -> attributes.put("route", r.value()));
    attributes.put("host", p.host().value());
    attributes.put("exit_confirmation_required", Boolean.toString(p.exitConfirmationRequired()));
    attributes.put("by", by);
    if (!note.isEmpty()) {
      attributes.put("note", clip(note));
    }
    String summary = "permit " + p.id() + " " + type.substring("permit.".length()).replace('_', ' ') + " for "
        + (p.vehicles().isEmpty() ? p.people().size() + " people" : attributes.get("plates")) + " at "
        + attributes.get("gates") + " " + p.window() + (note.isEmpty() ? "" : " — " + note);
    return new NewEvent(at, type, subjects, Optional.empty(), clipSummary(summary), attributes);
  }

  static NewEvent registry(String type, String kind, String id, Optional<String> enterprise, String by, Instant at,
      String summary) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey(kind, id));
    enterprise.filter(e -> !e.isEmpty() && !(kind.equals("enterprise") && e.equals(id)))
        .ifPresent(e -> subjects.add(new SubjectKey("enterprise", e)));
    user(by, subjects);
    return new NewEvent(at, type, subjects, Optional.empty(), clipSummary(summary), Map.of(kind + "_id", id, "by", by));
  }

  static NewEvent imported(String kind, int created, int updated, String by, Instant at) {
    return new NewEvent(at, "registry.imported", List.of(new SubjectKey("user", by)), Optional.empty(),
        "registry import of " + kind + " by " + by + ": " + created + " created, " + updated + " updated",
        Map.of("kind", kind, "created", Integer.toString(created), "updated", Integer.toString(updated), "by", by));
  }

  static NewEvent violation(String type, Violation v, int occurrence, String sanctions, String by, Instant at) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("violation", v.id()));
    v.person().ifPresent(p -> subjects.add(new SubjectKey("person", p.value())));
    v.vehicle().ifPresent(p -> subjects.add(new SubjectKey("vehicle", p.value())));
    v.enterprise().ifPresent(p -> subjects.add(new SubjectKey("enterprise", p.value())));
    v.gate().ifPresent(g -> subjects.add(new SubjectKey("gate", g.value())));
    user(by, subjects);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("violation_id", v.id());
    attributes.put("kind", v.kind().name());
    attributes.put("occurrence", Integer.toString(occurrence));
    attributes.put("serious", Boolean.toString(v.serious()));
    attributes.put("sanctions", clip(sanctions));
    attributes.put("evidence", Integer.toString(v.evidence().size()));
    attributes.put("by", by);
    String summary = "violation " + v.id() + " " + v.kind().name().toLowerCase().replace('_', ' ') + " by "
        + v.offender() + " (#" + occurrence + "): " + (type.endsWith("overturned") ? "overturned" : sanctions);
    return new NewEvent(at, type, subjects, Optional.empty(), clipSummary(summary), attributes);
  }

  static NewEvent blacklist(String type, BlacklistEntry e, String by, Instant at) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("blacklist", e.id()));
    subjects.add(subjectKey(e.subject()));
    e.violationId().ifPresent(v -> subjects.add(new SubjectKey("violation", v)));
    user(by, subjects);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("entry_id", e.id());
    attributes.put("subject_kind", e.subject().kind().name());
    attributes.put("subject_id", e.subject().id());
    attributes.put("from", e.from().toString());
    e.until().ifPresent(u -> attributes.put("until", u.toString()));
    attributes.put("reason", clip(type.endsWith("lifted") ? e.lifting().map(l -> l.reason()).orElse("") : e.reason()));
    attributes.put("by", by);
    String summary = type.endsWith("expired") ? e.subject() + " off the blacklist: entry " + e.id() + " ran out at "
        + e.until().map(Instant::toString).orElse("?") + " (" + attributes.get("reason") + ")"
        : e.subject() + (type.endsWith("lifted") ? " taken off the blacklist" : " blacklisted "
            + e.until().map(u -> "until " + u).orElse("until lifted")) + ": " + attributes.get("reason");
    return new NewEvent(at, type, subjects, Optional.empty(), clipSummary(summary), attributes);
  }

  static NewEvent appeal(String type, Appeal a, String by, Instant at) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("appeal", a.id()));
    subjects.add(new SubjectKey("violation", a.violationId()));
    subjects.add(subjectKey(a.appellant()));
    user(by, subjects);
    String text = type.endsWith("filed") ? a.grounds() : a.reviewNote();
    return new NewEvent(at, type, subjects, Optional.empty(),
        clipSummary("appeal " + a.id() + " of " + a.appellant() + " against " + a.violationId() + ": "
            + type.substring("appeal.".length()) + " — " + text),
        Map.of("appeal_id", a.id(), "violation_id", a.violationId(), "state", a.state().name(), "by", by,
            "text", clip(text)));
  }

  static SubjectKey subjectKey(Subject s) {
    return new SubjectKey(s.kind() == SubjectKind.PERSON ? "person" : s.kind() == SubjectKind.VEHICLE ? "vehicle"
        : "enterprise", s.id());
  }

  private static void named(ApplicationContent c, List<SubjectKey> subjects) {
    Set<String> people = new LinkedHashSet<>();
    c.namedPeople().forEach(n -> people.add(n.value().id().value()));
    people.stream().limit(MAX_NAMED).forEach(p -> subjects.add(new SubjectKey("person", p)));
    c.vehicles().stream().map(v -> v.plate().value()).distinct().limit(MAX_NAMED)
        .forEach(p -> subjects.add(new SubjectKey("vehicle", p)));
  }

  private static void user(String by, List<SubjectKey> subjects) {
    if (!by.equals(io.cordon.domain.appointment.Actor.SYSTEM)) {
      subjects.add(new SubjectKey("user", by));
    }
  }

  private static String clip(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  private static String clipSummary(String text) {
    return text.length() > 480 ? text.substring(0, 480) : text;
  }
}
