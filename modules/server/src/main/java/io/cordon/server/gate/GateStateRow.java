package io.cordon.server.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for a row of {@code gate_state}: one gate that has reported. */
@Entity
@Table(name = "gate_state")
class GateStateRow {
  @Id
  @Column(name = "gate_id", length = 64)
  String gateId;

  /** A {@link io.cordon.domain.gate.GateState} name. */
  @Column(name = "state", nullable = false, length = 16)
  String state;

  @Column(name = "since", nullable = false)
  Instant since;

  @Column(name = "last_report", nullable = false)
  Instant lastReport;

  @Column(name = "state_seq", nullable = false)
  long stateSeq;

  @Column(name = "detail", nullable = false, length = 256)
  String detail;

  GateStateRow() {
  }
}
