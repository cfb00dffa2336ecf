package io.cordon.domain.gate.access;

import io.cordon.domain.park.GateId;
import java.time.Instant;
import java.util.Objects;

/** Someone or some vehicle inside the park: since when and through which gate they came in. */
public record InsideHolder(Holder holder, Instant since, GateId gate) {
  public InsideHolder {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(gate, "gate");
  }
}
