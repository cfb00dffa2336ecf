package io.cordon.map.plan;

import io.cordon.map.MapContext;
import io.cordon.map.MapViewport;
import java.util.List;
import javafx.scene.Node;

/**
 * One kind of feature of the park plan (zones, roads, gates…): its nodes in one group bound to
 * the feature's layer switch, built once per park and moved on every zoom.
 */
interface PlanDrawing {
  /** The group holding this drawing's feature nodes (labels go to the shared label group). */
  Node node();

  /** Replaces the nodes with those of the park and adds this drawing's labels to {@code labels}. */
  void build(MapContext context, List<PlanLabel> labels);

  /**
   * Moves the nodes (and label anchors) to the pixels of {@code viewport}; {@code visible} is the
   * part of the park on screen, where labels of big features go.
   */
  void reproject(MapViewport viewport, VisibleArea visible);
}
