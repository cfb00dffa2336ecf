package io.cordon.video.tour;

import java.util.List;
import java.util.Objects;

/**
 * A named list of cameras an operator put together (a gate's lanes, the tank farm's perimeter),
 * shown on a wall at once or toured page by page.
 *
 * @param name what the operator called it, unique per workstation
 * @param cameraIds camera ids in the order they fill the wall's cells
 */
public record CameraGroup(String name, List<String> cameraIds) {
  public CameraGroup {
    Objects.requireNonNull(name, "name");
    name = name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a camera group needs a name");
    }
    cameraIds = cameraIds.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
  }
}
