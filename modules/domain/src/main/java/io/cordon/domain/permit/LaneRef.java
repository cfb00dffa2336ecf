package io.cordon.domain.permit;

import io.cordon.domain.park.GateId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** One lane of one gate. */
public record LaneRef(GateId gate, String lane) {
  public LaneRef {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(lane, "lane");
  }

  /** A park has a few dozen lanes and a server holds hundreds of thousands of permits naming them. */
  private static final int SHARED_MAX = 10_000;
  private static final Map<String, LaneRef> SHARED = new ConcurrentHashMap<>();

  /** The lane; one shared instance per lane (permits are held by the 100,000, each naming several). */
  public static LaneRef of(String gate, String lane) {
    String key = gate + "/" + lane;
    LaneRef shared = SHARED.get(key);
    if (shared != null) {
      return shared;
    }
    LaneRef fresh = new LaneRef(new GateId(gate), lane);
    if (SHARED.size() < SHARED_MAX) {
      SHARED.putIfAbsent(key, fresh);
    }
    return fresh;
  }

  @Override
  public String toString() {
    return gate + "/" + lane;
  }
}
