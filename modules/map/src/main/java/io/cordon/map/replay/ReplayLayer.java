package io.cordon.map.replay;

import io.cordon.map.MapContext;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Trajectory replay (轨迹回放) on two canvases sized to the map, from {@link MapState#replay()}:
 * the track coloured by speed against the road's limit — each fix colours the half-segments either
 * side of it green (within), yellow (up to 10 km/h over), red (beyond) or grey (limit unknown) —
 * with its start and end, the events along it and the current event's text; and on top the
 * vehicle at the cursor (an arrow along its heading in a ring of its speed colour, with its speed).
 * The track is projected to metres once when set and redrawn only when it, the markers or the
 * view change; the cursor moves ten times a second while playing and repaints only its own canvas.
 */
public final class ReplayLayer implements MapLayer {
  static final Color WITHIN = Color.web("#00e676");
  static final Color SLIGHTLY_OVER = Color.web("#ffea00");
  static final Color OVER = Color.web("#ff1744");
  static final Color UNKNOWN = Color.web("#90a4ae");
  private static final Color CASING = Color.rgb(5, 10, 16, 0.8);
  private static final Color MARKER_OTHER = Color.web("#448aff");
  private static final Color LABEL_BACK = Color.rgb(13, 22, 32, 0.85);
  private static final Color TEXT = Color.web("#e8eef4");
  private static final Font FONT = Font.font("Noto Sans CJK SC", FontWeight.BOLD, 13);
  private static final double TRACK_WIDTH = 4;
  private static final double MARKER_RADIUS = 6;

  private final MapState state;
  private final ReplayState replay;
  private final Canvas trackCanvas = new Canvas();
  private final Canvas cursorCanvas = new Canvas();
  private final Pane node = new Pane(trackCanvas, cursorCanvas);
  private MapContext context;
  // the track in local metres, projected once per path (or park)
  private double[] mx = new double[0];
  private double[] my = new double[0];
  private ReplayPath.Band[] bands = new ReplayPath.Band[0];
  private long[] times = new long[0];
  private boolean trackDirty = true;
  private boolean cursorDirty = true;
  private int trackRedraws;
  private int cursorRedraws;

  public ReplayLayer(MapState state) {
    this.state = state;
    this.replay = state.replay();
    node.getStyleClass().add(MapStyles.REPLAY_LAYER);
    node.setUserData(this); // lets the application's tests find the layer behind the node
    node.setMouseTransparent(true);
    node.setPickOnBounds(false);
    for (Canvas canvas : List.of(trackCanvas, cursorCanvas)) {
      canvas.widthProperty().bind(state.widthProperty());
      canvas.heightProperty().bind(state.heightProperty());
      canvas.setMouseTransparent(true);
    }
    InvalidationListener resized = o -> {
      trackDirty = true;
      cursorDirty = true;
    };
    state.widthProperty().addListener(resized);
    state.heightProperty().addListener(resized);
    replay.pathProperty().addListener(o -> {
      project();
      trackDirty = true;
    });
    replay.markers().addListener((InvalidationListener) o -> trackDirty = true);
    replay.cursorProperty().addListener(o -> cursorDirty = true);
    replay.currentMarkerProperty().addListener(o -> cursorDirty = true);
    state.textsBinding().addListener(o -> trackDirty = true);
  }

  @Override
  public Node node() {
    return node;
  }

  @Override
  public void parkChanged(MapContext value) {
    context = value;
    project();
    trackDirty = true;
    cursorDirty = true;
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    trackDirty = true;
    cursorDirty = true;
  }

  @Override
  public void frame(long nowNanos) {
    if (trackDirty) {
      trackDirty = false;
      drawTrack();
    }
    if (cursorDirty) {
      cursorDirty = false;
      drawCursor();
    }
  }

  /** Redraws both canvases now (tests and snapshots outside a pulse). */
  public void redrawNow() {
    trackDirty = false;
    cursorDirty = false;
    drawTrack();
    drawCursor();
  }

  int trackRedrawCount() {
    return trackRedraws;
  }

  int cursorRedrawCount() {
    return cursorRedraws;
  }

  private void project() {
    List<ReplayPath.Fix> fixes = replay.pathProperty().get().fixes();
    int n = context == null ? 0 : fixes.size();
    mx = new double[n];
    my = new double[n];
    bands = new ReplayPath.Band[n];
    times = new long[n];
    for (int i = 0; i < n; i++) {
      ReplayPath.Fix f = fixes.get(i);
      mx[i] = context.x(f.lon());
      my[i] = context.y(f.lat());
      bands[i] = ReplayPath.Band.of(f.speedKmh(), f.limitKmh());
      times[i] = f.epochMillis();
    }
  }

  static Color colour(ReplayPath.Band band) {
    switch (band) {
      case WITHIN:
        return WITHIN;
      case SLIGHTLY_OVER:
        return SLIGHTLY_OVER;
      case OVER:
        return OVER;
      default:
        return UNKNOWN;
    }
  }

  private boolean gapAfter(int i) {
    return times[i + 1] - times[i] > ReplayPath.GAP_MILLIS;
  }

  private void drawTrack() {
    trackRedraws++;
    GraphicsContext gc = trackCanvas.getGraphicsContext2D();
    double w = trackCanvas.getWidth();
    double h = trackCanvas.getHeight();
    gc.clearRect(0, 0, w, h);
    int n = mx.length;
    if (context == null || n == 0 || w <= 0 || h <= 0) {
      return;
    }
    MapViewport v = state.viewport();
    double[] sx = new double[n];
    double[] sy = new double[n];
    for (int i = 0; i < n; i++) {
      sx[i] = v.screenX(mx[i]);
      sy[i] = v.screenY(my[i]);
    }
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    // a dark casing under the whole track keeps yellow and green readable over the light plan
    gc.setStroke(CASING);
    gc.setLineWidth(TRACK_WIDTH + 3);
    gc.beginPath();
    for (int i = 0; i < n; i++) {
      if (i == 0 || gapAfter(i - 1)) {
        gc.moveTo(sx[i], sy[i]);
      } else {
        gc.lineTo(sx[i], sy[i]);
      }
    }
    gc.stroke();
    // one path per colour: each fix owns the half-segments either side of it
    gc.setLineWidth(TRACK_WIDTH);
    for (ReplayPath.Band band : ReplayPath.Band.values()) {
      gc.beginPath();
      boolean any = false;
      for (int i = 0; i < n; i++) {
        if (bands[i] != band) {
          continue;
        }
        boolean joinedBefore = i > 0 && !gapAfter(i - 1);
        boolean joinedAfter = i < n - 1 && !gapAfter(i);
        if (!joinedBefore && !joinedAfter) {
          gc.moveTo(sx[i], sy[i]);
          gc.lineTo(sx[i] + 0.01, sy[i]); // a lone fix: a dot
        } else {
          gc.moveTo(joinedBefore ? (sx[i - 1] + sx[i]) / 2 : sx[i], joinedBefore ? (sy[i - 1] + sy[i]) / 2 : sy[i]);
          gc.lineTo(sx[i], sy[i]);
          if (joinedAfter) {
            gc.lineTo((sx[i] + sx[i + 1]) / 2, (sy[i] + sy[i + 1]) / 2);
          }
        }
        any = true;
      }
      if (any) {
        gc.setStroke(colour(band));
        gc.stroke();
      }
    }
    // gaps (signal lost): a thin dashed line, nothing known in between
    gc.setStroke(UNKNOWN);
    gc.setLineWidth(1.5);
    gc.setLineDashes(4, 4);
    gc.beginPath();
    for (int i = 0; i + 1 < n; i++) {
      if (gapAfter(i)) {
        gc.moveTo(sx[i], sy[i]);
        gc.lineTo(sx[i + 1], sy[i + 1]);
      }
    }
    gc.stroke();
    gc.setLineDashes();
    endPoint(gc, sx[0], sy[0], state.texts().get("replay.start"));
    if (n > 1) {
      endPoint(gc, sx[n - 1], sy[n - 1], state.texts().get("replay.end"));
    }
    for (ReplayMarker m : replay.markers()) {
      double x = v.screenX(context.x(m.lon()));
      double y = v.screenY(context.y(m.lat()));
      if (x < -10 || y < -10 || x > w + 10 || y > h + 10) {
        continue;
      }
      gc.setFill(markerColour(m.kind()));
      gc.fillOval(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(1.5);
      gc.strokeOval(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
    }
  }

  static Color markerColour(ReplayMarker.Kind kind) {
    switch (kind) {
      case VIOLATION_STARTED:
        return OVER;
      case VIOLATION_ENDED:
        return WITHIN;
      default:
        return MARKER_OTHER;
    }
  }

  /** A small white disc with "起" or "终" in it. */
  private static void endPoint(GraphicsContext gc, double x, double y, String text) {
    double r = 10;
    gc.setFill(Color.WHITE);
    gc.fillOval(x - r, y - r, 2 * r, 2 * r);
    gc.setStroke(CASING);
    gc.setLineWidth(1.5);
    gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
    gc.setFill(Color.web("#0d1620"));
    gc.setFont(Font.font("Noto Sans CJK SC", FontWeight.BOLD, 11));
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setTextBaseline(VPos.CENTER);
    gc.fillText(text, x, y);
    gc.setTextAlign(TextAlignment.LEFT);
    gc.setTextBaseline(VPos.BASELINE);
  }

  private void drawCursor() {
    cursorRedraws++;
    GraphicsContext gc = cursorCanvas.getGraphicsContext2D();
    double w = cursorCanvas.getWidth();
    double h = cursorCanvas.getHeight();
    gc.clearRect(0, 0, w, h);
    if (context == null || w <= 0 || h <= 0) {
      return;
    }
    MapViewport v = state.viewport();
    int current = replay.currentMarkerProperty().get();
    if (current >= 0 && current < replay.markers().size()) {
      ReplayMarker m = replay.markers().get(current);
      double x = v.screenX(context.x(m.lon()));
      double y = v.screenY(context.y(m.lat()));
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(2);
      gc.strokeOval(x - MARKER_RADIUS - 4, y - MARKER_RADIUS - 4, 2 * MARKER_RADIUS + 8, 2 * MARKER_RADIUS + 8);
      label(gc, m.label(), x + 14, y - 18, markerColour(m.kind()));
    }
    ReplayCursor c = replay.cursorProperty().get();
    if (c == null) {
      return;
    }
    double x = v.screenX(context.x(c.lon()));
    double y = v.screenY(context.y(c.lat()));
    double ring = 15;
    gc.setFill(Color.rgb(13, 22, 32, 0.7));
    gc.fillOval(x - ring, y - ring, 2 * ring, 2 * ring);
    gc.setStroke(colour(ReplayPath.Band.of(c.speedKmh(), c.limitKmh())));
    gc.setLineWidth(3);
    gc.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
    double[] xs = new double[4];
    double[] ys = new double[4];
    arrow(x, y, c.headingDeg(), 20, xs, ys);
    gc.setFill(Color.WHITE);
    gc.fillPolygon(xs, ys, 4);
    gc.setStroke(CASING);
    gc.setLineWidth(1);
    gc.strokePolygon(xs, ys, 4);
    label(gc, state.texts().format("replay.speed", c.speedKmh()), x + ring + 4, y + 6, null);
  }

  /** A text on a dark box; an optional colour bar on its left edge. */
  private static void label(GraphicsContext gc, String text, double x, double y, Color bar) {
    if (text == null || text.isEmpty()) {
      return;
    }
    gc.setFont(FONT);
    double width = textWidth(text) + 10;
    gc.setFill(LABEL_BACK);
    gc.fillRoundRect(x, y - 14, width, 20, 6, 6);
    if (bar != null) {
      gc.setFill(bar);
      gc.fillRect(x, y - 14, 3, 20);
    }
    gc.setFill(TEXT);
    gc.fillText(text, x + 6, y + 1);
  }

  /** Wide characters count double: good enough for a label box, without measuring text per frame. */
  private static double textWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); i++) {
      width += text.charAt(i) > 0x2e80 ? 13 : 7.5;
    }
    return width;
  }

  /** A notched arrow centred on (sx, sy), tip along the heading (clockwise from north, screen y down). */
  private static void arrow(double sx, double sy, double headingDeg, double len, double[] xs, double[] ys) {
    double rad = Math.toRadians(headingDeg);
    double dx = Math.sin(rad);
    double dy = -Math.cos(rad);
    double half = len * 0.36;
    double backX = sx - dx * len * 0.4;
    double backY = sy - dy * len * 0.4;
    xs[0] = sx + dx * len * 0.6;
    ys[0] = sy + dy * len * 0.6;
    xs[1] = backX - dy * half;
    ys[1] = backY + dx * half;
    xs[2] = sx - dx * len * 0.15;
    ys[2] = sy - dy * len * 0.15;
    xs[3] = backX + dy * half;
    ys[3] = backY - dx * half;
  }
}
