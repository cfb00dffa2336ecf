package io.cordon.client.gate.access;

import io.cordon.api.v1.AccessRecordView;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import io.cordon.domain.gate.access.PassageDirection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access record as the gates view lists it: who came to which lane, what was decided and why,
 * and whether it went through (or was forced, or followed someone through).
 *
 * @param seq the journal seq of its {@code gate.access} event (0 if unknown)
 * @param direction ENTRY or EXIT; null when the record does not say
 * @param holderClass PERSON, ORDINARY, COMMUTER, CONSTRUCTION, HAZMAT, HAZWASTE or UNKNOWN
 * @param rule the AccessRule code that decided (e.g. PERMIT_VALID, BLACKLISTED)
 * @param passageTime when the loop detector saw it go through; null if it did not (yet)
 */
public record PassageRow(
    String recordId,
    long seq,
    String gateId,
    String laneId,
    PassageDirection direction,
    Instant time,
    String credentialKind,
    String holder,
    String holderName,
    String holderClass,
    String enterpriseId,
    boolean passed,
    String rule,
    String detail,
    String snapshotRef,
    boolean decidedOffline,
    Instant passageTime,
    boolean forced,
    boolean tailgate) {

  public static final String FORCED_RULE = "FORCED";
  public static final String TAILGATE_RULE = "TAILGATE";

  public PassageRow {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(gateId, "gateId");
    Objects.requireNonNull(time, "time");
    laneId = nonNull(laneId);
    credentialKind = nonNull(credentialKind);
    holder = nonNull(holder);
    holderName = nonNull(holderName);
    holderClass = holderClass == null || holderClass.isEmpty() ? "UNKNOWN" : holderClass;
    enterpriseId = nonNull(enterpriseId);
    rule = nonNull(rule);
    detail = nonNull(detail);
    snapshotRef = nonNull(snapshotRef);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** A forced passage or tailgating: raised as an alarm. */
  public boolean alarm() {
    return forced || tailgate;
  }

  /** What the operator reads as the holder: the name, else the plate / id / credential. */
  public String holderLabel() {
    if (holderName.isEmpty() || holderName.equals(holder)) {
      return holder;
    }
    return holder.isEmpty() ? holderName : holderName + " (" + holder + ")";
  }

  public boolean isVehicle() {
    return !"PERSON".equals(holderClass) && !"UNKNOWN".equals(holderClass);
  }

  public Optional<Instant> passage() {
    return Optional.ofNullable(passageTime);
  }

  PassageRow withPassage(Instant at) {
    return new PassageRow(recordId, seq, gateId, laneId, direction, time, credentialKind, holder, holderName,
        holderClass, enterpriseId, passed, rule, detail, snapshotRef, decidedOffline, at, forced, tailgate);
  }

  PassageRow withAlarm(boolean isForced, boolean isTailgate) {
    return new PassageRow(recordId, seq, gateId, laneId, direction, time, credentialKind, holder, holderName,
        holderClass, enterpriseId, passed, rule, detail, snapshotRef, decidedOffline, passageTime,
        forced || isForced, tailgate || isTailgate);
  }

  /** A record as {@code ListAccessRecords} answers it. */
  public static PassageRow of(AccessRecordView r) {
    return new PassageRow(r.getRecordId(), r.getSeq(), r.getGateId(), r.getLaneId(), direction(r.getDirection()),
        r.hasTime() ? instant(r.getTime()) : Instant.EPOCH, r.getCredentialKind(), r.getHolder(), r.getHolderName(),
        r.getHolderClass(), r.getEnterpriseId(), r.getPassed(), r.getRule(), r.getDetail(), r.getSnapshotRef(),
        r.getDecidedOffline(), r.hasPassageTime() ? instant(r.getPassageTime()) : null, r.getForced(),
        r.getTailgate());
  }

  /**
   * A {@code gate.access} event (subjects gate, holder, permit), or a {@code gate.forced} / {@code
   * gate.tailgate} event of a passage without a matching record; empty for anything else.
   */
  public static Optional<PassageRow> ofEvent(Event e) {
    if (e.getSubjectsCount() == 0 || !"gate".equals(e.getSubjects(0).getKind())) {
      return Optional.empty();
    }
    boolean access = GateEvents.ACCESS.equals(e.getType());
    boolean forced = GateEvents.FORCED.equals(e.getType());
    boolean tailgate = GateEvents.TAILGATE.equals(e.getType());
    if (!access && !forced && !tailgate) {
      return Optional.empty();
    }
    String recordId = e.getAttributesOrDefault("record_id", "");
    if (recordId.isEmpty()) {
      recordId = "event-" + e.getSeq();
    }
    String holder = "";
    for (int i = 1; i < e.getSubjectsCount(); i++) {
      SubjectRef s = e.getSubjects(i);
      if (s.getKind().equals("vehicle") || s.getKind().equals("person") || s.getKind().equals("credential")) {
        holder = s.getId();
        break;
      }
    }
    if (holder.isEmpty()) {
      holder = e.getAttributesOrDefault("holder", "");
    }
    Instant time = e.hasTime() ? instant(e.getTime()) : Instant.EPOCH;
    String rule = e.getAttributesOrDefault("rule", access ? "" : forced ? FORCED_RULE : TAILGATE_RULE);
    return Optional.of(new PassageRow(recordId, access ? e.getSeq() : 0, e.getSubjects(0).getId(),
        e.getAttributesOrDefault("lane", ""), direction(e.getAttributesOrDefault("direction", "")), time,
        e.getAttributesOrDefault("credential_kind", access ? "" : "loop"), holder,
        e.getAttributesOrDefault("holder_name", ""), e.getAttributesOrDefault("holder_class", "UNKNOWN"),
        e.getAttributesOrDefault("enterprise", ""), access && "true".equals(e.getAttributesOrDefault("passed", "")),
        rule, e.getAttributesOrDefault("detail", ""), e.getAttributesOrDefault("snapshot", ""),
        "true".equals(e.getAttributesOrDefault("offline", "")), access ? null : time, forced, tailgate));
  }

  static PassageDirection direction(Direction d) {
    switch (d) {
      case DIRECTION_ENTRY:
        return PassageDirection.ENTRY;
      case DIRECTION_EXIT:
        return PassageDirection.EXIT;
      default:
        return null;
    }
  }

  static PassageDirection direction(String text) {
    String t = text.startsWith("DIRECTION_") ? text.substring("DIRECTION_".length()) : text;
    if (t.equals("ENTRY")) {
      return PassageDirection.ENTRY;
    }
    if (t.equals("EXIT")) {
      return PassageDirection.EXIT;
    }
    return null;
  }

  static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
