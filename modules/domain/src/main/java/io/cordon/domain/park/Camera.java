package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** A camera of the park; heading is degrees clockwise from north, fov the horizontal angle. */
public record Camera(CameraId id, String name, Point position, double headingDeg, double fovDeg) {
  public Camera {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
  }
}
