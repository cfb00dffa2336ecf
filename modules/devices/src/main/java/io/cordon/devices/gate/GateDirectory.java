package io.cordon.devices.gate;

import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the gates of the park model by id. */
@FunctionalInterface
public interface GateDirectory {

  Optional<Gate> find(GateId id);

  /** A directory over the gates of one park plan. */
  static GateDirectory of(Park park) {
    Map<GateId, Gate> byId =
        park.gates().stream().collect(Collectors.toUnmodifiableMap(Gate::id, Function.identity()));
    return id -> Optional.ofNullable(byId.get(id));
  }
}
