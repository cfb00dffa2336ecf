package io.cordon.domain.park;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** An enterprise in the park; position is where its name is shown (its main entrance). */
public record Enterprise(
    EnterpriseId id, String name, Point position, List<LoadingPoint> loadingPoints) {
  public Enterprise {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    loadingPoints = List.copyOf(loadingPoints);
  }
}
