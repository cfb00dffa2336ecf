package io.cordon.domain.track.rules;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;

/** A vehicle's reusable scratch for nearest-segment queries, so a fix allocates nothing. */
final class NearestSegment implements ItemVisitor {
  final Envelope envelope = new Envelope();
  private SegmentIndex index;
  private double x;
  private double y;
  double distance;
  int best;

  void begin(SegmentIndex index, double x, double y, double radius) {
    this.index = index;
    this.x = x;
    this.y = y;
    this.distance = radius;
    this.best = -1;
  }

  @Override
  public void visitItem(Object item) {
    int s = (Integer) item;
    double d = index.distance(s, x, y);
    if (d <= distance) {
      distance = d;
      best = s;
    }
  }
}
