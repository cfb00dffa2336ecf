package io.cordon.server.gate.access;

import io.cordon.domain.park.Gate;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events of gate access (gate.proto, "issue 7" comment). Subjects: the gate first, then
 * the holder ("vehicle" plate / "person" id / "credential"), then the permit; the location is the
 * gate's.
 */
final class AccessEvents {

  static final String ACCESS = "gate.access";
  static final String PASSAGE = "gate.passage";
  static final String FORCED = "gate.forced";
  static final String TAILGATE = "gate.tailgate";
  static final String BARRIER = "gate.barrier";
  static final String FAULT = "gate.fault";
  static final String AGENT = "gate.agent";
  static final String COMMAND_RESULT = "gate.command_result";

  private AccessEvents() {
  }

  static NewEvent access(AccessEntry e) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("gate", e.gate().id().value()));
    if (!e.holder().isEmpty()) {
      subjects.add(new SubjectKey(e.holderKind(), e.holder()));
    }
    if (!e.permitId().isEmpty()) {
      subjects.add(new SubjectKey("permit", e.permitId()));
    }
    Map<String, String> a = new LinkedHashMap<>();
    a.put("record_id", e.recordId());
    a.put("lane", e.laneId());
    a.put("direction", e.direction().name());
    a.put("passed", Boolean.toString(e.passed()));
    a.put("rule", e.rule());
    if (!e.detail().isEmpty()) {
      a.put("detail", e.detail());
    }
    a.put("holder_class", e.holderClass());
    if (!e.holderName().isEmpty()) {
      a.put("holder_name", e.holderName());
    }
    a.put("credential_kind", e.credentialKind());
    if (!e.snapshotRef().isEmpty()) {
      a.put("snapshot", e.snapshotRef());
    }
    a.put("offline", Boolean.toString(e.offline()));
    if (!e.enterpriseId().isEmpty()) {
      a.put("enterprise", e.enterpriseId());
    }
    e.passageAt().ifPresent(t -> a.put("passage_time", t.toString()));
    String what = e.forced() ? "Forced passage" : e.tailgate() ? "Tailgating" : e.passed() ? "Pass" : "Deny";
    String summary = what + " at " + e.gate().id() + "/" + e.laneId() + " " + e.direction().name().toLowerCase()
        + (e.holder().isEmpty() ? "" : ": " + e.holder()) + " (" + e.rule() + ")"
        + (e.offline() ? ", decided offline" : "");
    return new NewEvent(e.at(), e.eventType(), subjects, location(e.gate()), summary, a);
  }

  static NewEvent passage(Gate gate, String recordId, String laneId, String direction, String holderKind,
      String holder, Instant at) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("gate", gate.id().value()));
    if (!holder.isEmpty()) {
      subjects.add(new SubjectKey(holderKind, holder));
    }
    return new NewEvent(at, PASSAGE, subjects, location(gate),
        "Passage at " + gate.id() + "/" + laneId + (holder.isEmpty() ? "" : ": " + holder),
        Map.of("record_id", recordId, "lane", laneId, "direction", direction));
  }

  static NewEvent barrier(Gate gate, String laneId, String state, String previous, String detail, String agent,
      Instant at) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("lane", laneId);
    a.put("state", state);
    a.put("previous", previous);
    if (!detail.isEmpty()) {
      a.put("detail", detail);
    }
    a.put("agent", agent);
    return new NewEvent(at, BARRIER, List.of(new SubjectKey("gate", gate.id().value())), location(gate),
        "Barrier " + gate.id() + "/" + laneId + " " + state + " (was " + previous + ")", a);
  }

  static NewEvent fault(Gate gate, String laneId, String device, String code, String detail, boolean cleared,
      String agent, Instant at) {
    Map<String, String> a = new LinkedHashMap<>();
    if (!laneId.isEmpty()) {
      a.put("lane", laneId);
    }
    a.put("device", device);
    if (!code.isEmpty()) {
      a.put("code", code);
    }
    if (!detail.isEmpty()) {
      a.put("detail", detail);
    }
    a.put("cleared", Boolean.toString(cleared));
    a.put("agent", agent);
    return new NewEvent(at, FAULT, List.of(new SubjectKey("gate", gate.id().value())), location(gate),
        (cleared ? "Fault cleared: " : "Fault: ") + gate.id() + (laneId.isEmpty() ? "" : "/" + laneId) + " " + device
            + (code.isEmpty() ? "" : " " + code) + (detail.isEmpty() ? "" : ": " + AccessEntry.clip(detail, 200)), a);
  }

  static NewEvent agent(Gate gate, String agentId, boolean connected, String softwareVersion, Instant at) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("agent", agentId);
    a.put("state", connected ? "connected" : "disconnected");
    if (!softwareVersion.isEmpty()) {
      a.put("software_version", softwareVersion);
    }
    return new NewEvent(at, AGENT, List.of(new SubjectKey("gate", gate.id().value())), location(gate),
        "Gate agent " + agentId + " of " + gate.id() + (connected ? " connected" : " disconnected"), a);
  }

  static NewEvent commandResult(Gate gate, long commandSeq, boolean done, String detail, String agent, Instant at) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("command_seq", Long.toString(commandSeq));
    a.put("done", Boolean.toString(done));
    if (!detail.isEmpty()) {
      a.put("detail", detail);
    }
    a.put("agent", agent);
    return new NewEvent(at, COMMAND_RESULT, List.of(new SubjectKey("gate", gate.id().value())), location(gate),
        "Gate " + gate.id() + (done ? " carried out" : " could not carry out") + " command " + commandSeq
            + (detail.isEmpty() ? "" : ": " + AccessEntry.clip(detail, 200)), a);
  }

  private static Optional<Location> location(Gate gate) {
    return Optional.of(new Location(gate.position().getX(), gate.position().getY()));
  }
}
