package io.cordon.domain.permit;

import io.cordon.domain.park.GateId;
import java.util.Objects;

/** One lane of one gate. */
public record LaneRef(GateId gate, String lane) {
  public LaneRef {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(lane, "lane");
  }

  public static LaneRef of(String gate, String lane) {
    return new LaneRef(new GateId(gate), lane);
  }

  @Override
  public String toString() {
    return gate + "/" + lane;
  }
}
