package io.cordon.server.gate.emergency;

import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.devices.gate.GateMessages;
import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One emergency opening as the journal records it. Mutated only under the {@link EmergencyOpening}'s lock. */
final class Emergency {

  final String id;
  final long openedSeq;
  final EmergencyScope scope;
  final String reason;
  final String openedBy;
  final String secondPerson;
  final Instant openedAt;
  /** Every gate it commands, in park order. */
  final Map<GateId, GateProgress> gates = new LinkedHashMap<>();
  Optional<Instant> endedAt = Optional.empty();
  String endedBy = "";
  String endReason = "";
  long seq;

  Emergency(String id, long openedSeq, EmergencyScope scope, String reason, String openedBy, String secondPerson,
      Instant openedAt) {
    this.id = id;
    this.openedSeq = openedSeq;
    this.scope = scope;
    this.reason = reason;
    this.openedBy = openedBy;
    this.secondPerson = secondPerson;
    this.openedAt = openedAt;
    this.seq = openedSeq;
  }

  boolean active() {
    return endedAt.isEmpty();
  }

  /** The gate whose current command has this seq. */
  Optional<GateProgress> byCommand(long commandSeq) {
    return gates.values().stream().filter(g -> g.commandSeq == commandSeq).findFirst();
  }

  EmergencyStatus toProto() {
    EmergencyStatus.Builder status = EmergencyStatus.newBuilder()
        .setEmergencyId(id)
        .setActive(active())
        .setScope(scope)
        .setReason(reason)
        .setOpenedBy(openedBy)
        .setSecondPerson(secondPerson)
        .setOpenedAt(GateMessages.timestamp(openedAt))
        .setEndedBy(endedBy)
        .setEndReason(endReason)
        .setSeq(seq);
    gates.values().forEach(gate -> status.addGates(gate.toProto()));
    endedAt.ifPresent(at -> status.setEndedAt(GateMessages.timestamp(at)));
    return status.build();
  }
}
