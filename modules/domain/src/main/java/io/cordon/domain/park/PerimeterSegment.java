package io.cordon.domain.park;

import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/** One typed stretch of the perimeter; the segments of a park, in order, close its ring. */
public record PerimeterSegment(SegmentId id, PerimeterType type, LineString line) {
  public PerimeterSegment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(line, "line");
  }
}
