package io.cordon.simulator.camera;

import io.cordon.domain.park.Park;
import java.util.List;
import java.util.Objects;

/** A camera to simulate: its id and the name burned into its picture. */
public record TestCamera(String id, String name) {
  public TestCamera {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** Every camera of the park. */
  public static List<TestCamera> of(Park park) {
    return park.cameras().stream().map(c -> new TestCamera(c.id().value(), c.name())).toList();
  }
}
