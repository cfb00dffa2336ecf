package io.cordon.app.timeline;

import io.cordon.client.timeline.TimeAxis;
import io.cordon.client.timeline.TimelineLaneRow;
import io.cordon.client.timeline.TimelineLanes;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.client.timeline.TimelineViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The lanes on the time axis: one row per {@link TimelineLaneRow} with its name on the left, the
 * axis with park-time ticks on top, instants as diamonds and alarm spans as bars coloured by
 * severity or kind, and the cursor line. The mouse wheel zooms around the pointer, a drag pans, a
 * drag that starts on the cursor or the axis band moves the cursor; a click selects the mark under
 * it (or puts the cursor there), hovering shows the mark's summary. Drawn on one canvas, so a day
 * of thousands of entries stays light; what was drawn is kept for hit tests.
 */
public final class TimelineLanesView extends Region {
  public static final String ID = "timeline-lanes";
  public static final String LANE_LABEL_PREFIX = "timeline-lane-";
  static final double HEADER_W = 128;
  static final double AXIS_H = 30;
  static final double LANE_H = 38;
  static final double SPAN_H = 16;
  static final double DIAMOND = 6;
  static final double CURSOR_GRAB_PX = 6;
  private static final Font TICK_FONT = Font.font("Noto Sans CJK SC", 13);
  private static final Font CURSOR_FONT = Font.font("Noto Sans CJK SC", FontWeight.BOLD, 13);

  /** A mark where it was drawn (canvas coordinates), for hit tests and tests. */
  public record DrawnMark(TimelineMark mark, double x, double y, double width, double height) {
    boolean contains(double px, double py) {
      return px >= x - 2 && px <= x + width + 2 && py >= y - 2 && py <= y + height + 2;
    }
  }

  private final TimelineViewModel vm;
  private final TimelineTexts texts;
  private final Canvas canvas = new Canvas();
  private final Pane header = new Pane();
  private final Tooltip tooltip = new Tooltip();
  private final List<DrawnMark> drawn = new ArrayList<>();
  private final ReadOnlyBooleanWrapper draggingCursor = new ReadOnlyBooleanWrapper(this, "draggingCursor");
  private double pressX;
  private double lastX;
  private boolean moved;
  private boolean cursorDrag;

  public TimelineLanesView(TimelineViewModel vm, TimelineTexts texts) {
    this.vm = vm;
    this.texts = texts;
    setId(ID);
    getStyleClass().add("timeline-lanes");
    header.getStyleClass().add("timeline-lane-header");
    getChildren().addAll(header, canvas);
    setMinHeight(AXIS_H + LANE_H * 2);
    tooltip.getStyleClass().add("timeline-tooltip");
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(480);

    vm.lanes().addListener((ListChangeListener<TimelineLaneRow>) c -> {
      rebuildHeader();
      requestLayout();
      redraw();
    });
    vm.axisProperty().addListener(o -> redraw());
    vm.cursorProperty().addListener(o -> redraw());
    vm.selectedProperty().addListener(o -> redraw());
    texts.i18n().localeProperty().addListener(o -> {
      rebuildHeader();
      redraw();
    });

    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.hide());
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    rebuildHeader();
  }

  /** True while the user drags the cursor line (the video seeks once more when it ends). */
  public ReadOnlyBooleanProperty draggingCursorProperty() {
    return draggingCursor.getReadOnlyProperty();
  }

  /** The marks as last drawn, lane by lane (only those in view). */
  public List<DrawnMark> drawnMarks() {
    return List.copyOf(drawn);
  }

  /** The canvas the lanes are drawn on (tests click on it). */
  public Canvas canvas() {
    return canvas;
  }

  /** Canvas x of a time, or NaN before a timeline is shown. */
  public double xOf(Instant t) {
    TimeAxis axis = vm.axisProperty().get();
    return axis == null ? Double.NaN : axis.x(t);
  }

  /** Canvas y of the middle of the n-th row. */
  public static double rowCentre(int row) {
    return AXIS_H + row * LANE_H + LANE_H / 2;
  }

  private void rebuildHeader() {
    header.getChildren().clear();
    List<TimelineLaneRow> rows = vm.lanes();
    for (int i = 0; i < rows.size(); i++) {
      TimelineLaneRow row = rows.get(i);
      Label name = new Label(texts.lane(row.lane()) + "  " + row.marks().size());
      name.setId(LANE_LABEL_PREFIX + TimelineLanes.key(row.lane()));
      name.getStyleClass().addAll("timeline-lane-name", "timeline-lane-" + TimelineLanes.key(row.lane()).toLowerCase());
      name.setAlignment(Pos.CENTER_LEFT);
      name.setPrefSize(HEADER_W, LANE_H);
      name.resizeRelocate(0, AXIS_H + i * LANE_H, HEADER_W, LANE_H);
      name.setManaged(false);
      header.getChildren().add(name);
    }
  }

  @Override
  protected double computePrefHeight(double width) {
    return AXIS_H + Math.max(2, vm.lanes().size()) * LANE_H + 4;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 1200;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    header.resizeRelocate(0, 0, HEADER_W, h);
    canvas.relocate(HEADER_W, 0);
    double cw = Math.max(1, w - HEADER_W);
    if (canvas.getWidth() != cw || canvas.getHeight() != h) {
      canvas.setWidth(cw);
      canvas.setHeight(Math.max(1, h));
      vm.setAxisWidth(cw);
      redraw();
    }
  }

  // --- drawing ---------------------------------------------------------------------------------

  void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(TimelinePalette.BACKGROUND);
    g.fillRect(0, 0, w, h);
    drawn.clear();
    List<TimelineLaneRow> rows = vm.lanes();
    for (int i = 0; i < rows.size(); i++) {
      g.setFill(i % 2 == 0 ? TimelinePalette.LANE_EVEN : TimelinePalette.LANE_ODD);
      g.fillRect(0, AXIS_H + i * LANE_H, w, LANE_H);
    }
    TimeAxis axis = vm.axisProperty().get();
    if (axis == null) {
      return;
    }
    drawTicks(g, axis, w, h);
    for (int i = 0; i < rows.size(); i++) {
      drawRow(g, axis, rows.get(i), i, w);
    }
    drawCursor(g, axis, h);
  }

  private void drawTicks(GraphicsContext g, TimeAxis axis, double w, double h) {
    g.setFont(TICK_FONT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setLineWidth(1);
    for (TimeAxis.Tick tick : axis.ticks()) {
      double x = Math.round(tick.x()) + 0.5;
      g.setStroke(TimelinePalette.GRID);
      g.strokeLine(x, AXIS_H - 6, x, h);
      if (x > 24 && x < w - 24) {
        g.setFill(TimelinePalette.TEXT_MUTED);
        g.fillText(TimelineTexts.tickLabel(tick.millis(), tick.showsSeconds()), x, AXIS_H / 2 - 2);
      }
    }
    g.setStroke(TimelinePalette.GRID);
    g.strokeLine(0, AXIS_H - 0.5, w, AXIS_H - 0.5);
  }

  private void drawRow(GraphicsContext g, TimeAxis axis, TimelineLaneRow row, int index, double w) {
    double centre = rowCentre(index);
    TimelineMark selected = vm.selectedProperty().get();
    // spans first, so instants stay visible on top of them
    for (TimelineMark mark : row.marks()) {
      if (!mark.isSpan()) {
        continue;
      }
      double x0 = axis.x(mark.time());
      double x1 = axis.x(mark.end());
      if (x1 < -2 || x0 > w + 2) {
        continue;
      }
      double x = Math.max(-2, x0);
      double width = Math.max(4, Math.min(w + 2, x1) - x);
      Color colour = TimelinePalette.of(mark);
      g.setFill(colour.deriveColor(0, 1, 1, 0.45));
      g.fillRoundRect(x, centre - SPAN_H / 2, width, SPAN_H, 5, 5);
      g.setStroke(colour);
      g.setLineWidth(1.5);
      g.strokeRoundRect(x, centre - SPAN_H / 2, width, SPAN_H, 5, 5);
      g.setFill(colour);
      g.fillRect(Math.max(0, x0), centre - SPAN_H / 2, 3, SPAN_H); // where it began
      drawn.add(new DrawnMark(mark, x, centre - SPAN_H / 2, width, SPAN_H));
      if (mark.equals(selected)) {
        outline(g, x - 2, centre - SPAN_H / 2 - 2, width + 4, SPAN_H + 4);
      }
    }
    for (TimelineMark mark : row.marks()) {
      if (mark.isSpan()) {
        continue;
      }
      double x = axis.x(mark.time());
      if (x < -DIAMOND || x > w + DIAMOND) {
        continue;
      }
      Color colour = TimelinePalette.of(mark);
      g.setStroke(colour.deriveColor(0, 1, 1, 0.5));
      g.setLineWidth(1);
      g.strokeLine(x, centre - LANE_H / 2 + 4, x, centre + LANE_H / 2 - 4);
      double[] xs = {x, x + DIAMOND, x, x - DIAMOND};
      double[] ys = {centre - DIAMOND, centre, centre + DIAMOND, centre};
      g.setFill(colour);
      g.fillPolygon(xs, ys, 4);
      g.setStroke(TimelinePalette.BACKGROUND);
      g.strokePolygon(xs, ys, 4);
      drawn.add(new DrawnMark(mark, x - DIAMOND, centre - DIAMOND, 2 * DIAMOND, 2 * DIAMOND));
      if (mark.equals(selected)) {
        outline(g, x - DIAMOND - 3, centre - DIAMOND - 3, 2 * DIAMOND + 6, 2 * DIAMOND + 6);
      }
    }
  }

  private static void outline(GraphicsContext g, double x, double y, double w, double h) {
    g.setStroke(TimelinePalette.SELECTION);
    g.setLineWidth(2);
    g.strokeRoundRect(x, y, w, h, 6, 6);
  }

  private void drawCursor(GraphicsContext g, TimeAxis axis, double h) {
    Instant cursor = vm.cursorProperty().get();
    if (cursor == null) {
      return;
    }
    double x = Math.round(axis.x(cursor)) + 0.5;
    g.setStroke(TimelinePalette.CURSOR);
    g.setLineWidth(2);
    g.strokeLine(x, AXIS_H - 4, x, h);
    String label = TimelineTexts.time(cursor);
    g.setFont(CURSOR_FONT);
    double labelW = 70;
    double lx = Math.max(0, Math.min(canvas.getWidth() - labelW, x - labelW / 2));
    g.setFill(TimelinePalette.CURSOR);
    g.fillRoundRect(lx, 2, labelW, AXIS_H - 8, 6, 6);
    g.setFill(TimelinePalette.BACKGROUND);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(label, lx + labelW / 2, 2 + (AXIS_H - 8) / 2);
  }

  // --- the mouse -------------------------------------------------------------------------------

  /** The top-most mark at a canvas point; null for none. */
  public TimelineMark markAt(double x, double y) {
    for (int i = drawn.size() - 1; i >= 0; i--) {
      if (drawn.get(i).contains(x, y)) {
        return drawn.get(i).mark();
      }
    }
    return null;
  }

  private boolean nearCursor(double x) {
    Instant cursor = vm.cursorProperty().get();
    return cursor != null && Math.abs(xOf(cursor) - x) <= CURSOR_GRAB_PX;
  }

  private void pressed(MouseEvent e) {
    pressX = e.getX();
    lastX = e.getX();
    moved = false;
    cursorDrag = nearCursor(e.getX()) || e.getY() < AXIS_H;
    tooltip.hide();
    if (cursorDrag) {
      draggingCursor.set(true);
    }
  }

  private void dragged(MouseEvent e) {
    if (Math.abs(e.getX() - pressX) > 2) {
      moved = true;
    }
    if (cursorDrag) {
      vm.seekToPixel(e.getX());
    } else {
      vm.panBy(e.getX() - lastX);
    }
    lastX = e.getX();
  }

  private void released(MouseEvent e) {
    if (!moved) {
      TimelineMark hit = markAt(e.getX(), e.getY());
      if (hit != null) {
        vm.select(hit);
      } else {
        vm.selectedProperty().set(null);
        vm.seekToPixel(e.getX());
      }
    }
    draggingCursor.set(false);
  }

  private void hovered(MouseEvent e) {
    TimelineMark hit = markAt(e.getX(), e.getY());
    if (hit == null) {
      tooltip.hide();
      canvas.setCursor(nearCursor(e.getX()) || e.getY() < AXIS_H ? javafx.scene.Cursor.H_RESIZE
          : javafx.scene.Cursor.DEFAULT);
      return;
    }
    canvas.setCursor(javafx.scene.Cursor.HAND);
    tooltip.setText(texts.lane(hit.lane()) + " · " + texts.type(hit) + "\n" + texts.line(hit));
    tooltip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    vm.zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX());
    e.consume();
  }

  /** The tooltip's text as last shown (tests). */
  String tooltipText() {
    return tooltip.getText();
  }
}
