package io.cordon.devices.sensor;

import io.cordon.domain.park.Park;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.park.SensorId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the sensors of the park model by id. */
@FunctionalInterface
public interface SensorDirectory {

  Optional<Sensor> find(SensorId id);

  /** A directory over the sensors of one park plan. */
  static SensorDirectory of(Park park) {
    Map<SensorId, Sensor> byId =
        park.sensors().stream().collect(Collectors.toUnmodifiableMap(Sensor::id, Function.identity()));
    return id -> Optional.ofNullable(byId.get(id));
  }
}
