package io.cordon.map.plan;

import io.cordon.map.MapViewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The part of the park on screen, in local metres: labels of big features (zones, lots, roads)
 * are placed in the visible part of the feature, so that a zoomed-in map still names what it shows.
 */
final class VisibleArea {
  private static final GeometryFactory GEO = new GeometryFactory();
  /** Everything counts as visible (the map has no size yet). */
  static final VisibleArea ALL = new VisibleArea(null);

  private final Geometry box;

  private VisibleArea(Geometry box) {
    this.box = box;
  }

  static VisibleArea of(MapViewport v, double widthPx, double heightPx) {
    if (!(widthPx > 0) || !(heightPx > 0)) {
      return ALL;
    }
    Envelope env = new Envelope(
        v.worldX(0), v.worldX(widthPx), v.worldY(heightPx), v.worldY(0));
    return new VisibleArea(GEO.toGeometry(env));
  }

  /** The visible part of a metre geometry; empty when none of it is on screen. */
  Geometry clip(Geometry metres) {
    if (box == null || box.getEnvelopeInternal().contains(metres.getEnvelopeInternal())) {
      return metres;
    }
    if (!box.getEnvelopeInternal().intersects(metres.getEnvelopeInternal())) {
      return GEO.createEmpty(metres.getDimension());
    }
    return metres.intersection(box);
  }

  /** The longest visible piece of a metre line, or null when none is on screen. */
  LineString longestVisiblePiece(LineString metres) {
    Geometry visible = clip(metres);
    LineString best = null;
    for (int i = 0; i < visible.getNumGeometries(); i++) {
      if (visible.getGeometryN(i) instanceof LineString piece && (best == null || piece.getLength() > best.getLength())) {
        best = piece;
      }
    }
    return best;
  }

  /** A point well inside the visible part of a metre polygon, or null when none is on screen. */
  static Point labelPoint(Geometry visiblePart) {
    return visiblePart.isEmpty() ? null : visiblePart.getInteriorPoint();
  }
}
