package io.cordon.map.plan;

import io.cordon.map.MapContext;
import io.cordon.map.MapViewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A {@link Path} whose geometry is kept in local metres; {@link #reproject} moves its existing
 * elements to the new pixels instead of allocating new ones on every zoom step.
 */
final class ProjectedPath {
  private final Path path = new Path();
  private final double[] metres;
  private final MoveTo[] moves;
  private final LineTo[] lines;

  private ProjectedPath(List<double[]> rings, boolean closed) {
    int points = rings.stream().mapToInt(r -> r.length / 2).sum();
    metres = new double[points * 2];
    moves = new MoveTo[points];
    lines = new LineTo[points];
    List<PathElement> elements = new ArrayList<>(points + rings.size());
    int p = 0;
    for (double[] ring : rings) {
      for (int i = 0; i < ring.length; i += 2, p++) {
        metres[2 * p] = ring[i];
        metres[2 * p + 1] = ring[i + 1];
        if (i == 0) {
          moves[p] = new MoveTo();
          elements.add(moves[p]);
        } else {
          lines[p] = new LineTo();
          elements.add(lines[p]);
        }
      }
      if (closed) {
        elements.add(new ClosePath());
      }
    }
    path.getElements().setAll(elements);
  }

  /** A polygon with its holes (even-odd fill). */
  static ProjectedPath of(Polygon polygon, MapContext context) {
    List<double[]> rings = new ArrayList<>();
    rings.add(metres(polygon.getExteriorRing().getCoordinates(), context));
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      rings.add(metres(polygon.getInteriorRingN(i).getCoordinates(), context));
    }
    ProjectedPath result = new ProjectedPath(rings, true);
    result.path.setFillRule(FillRule.EVEN_ODD);
    return result;
  }

  /** An open line. */
  static ProjectedPath of(LineString line, MapContext context) {
    return new ProjectedPath(List.of(metres(line.getCoordinates(), context)), false);
  }

  /** x0, y0, x1, y1… in local metres. */
  static double[] metres(Coordinate[] lonLat, MapContext context) {
    double[] xy = new double[lonLat.length * 2];
    for (int i = 0; i < lonLat.length; i++) {
      xy[2 * i] = context.x(lonLat[i].x);
      xy[2 * i + 1] = context.y(lonLat[i].y);
    }
    return xy;
  }

  /** x0, y0, x1, y1… of coordinates already in metres. */
  static double[] metres(Coordinate[] metres) {
    double[] xy = new double[metres.length * 2];
    for (int i = 0; i < metres.length; i++) {
      xy[2 * i] = metres[i].x;
      xy[2 * i + 1] = metres[i].y;
    }
    return xy;
  }

  Path path() {
    return path;
  }

  void reproject(MapViewport v) {
    for (int p = 0; p < moves.length; p++) {
      double sx = v.screenX(metres[2 * p]);
      double sy = v.screenY(metres[2 * p + 1]);
      if (moves[p] != null) {
        moves[p].setX(sx);
        moves[p].setY(sy);
      } else {
        lines[p].setX(sx);
        lines[p].setY(sy);
      }
    }
  }
}
