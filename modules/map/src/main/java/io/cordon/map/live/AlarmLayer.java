package io.cordon.map.live;

import io.cordon.domain.alarm.Severity;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * Active alarms as pulsing markers on one canvas sized to the map: a solid dot per alarm and a ring
 * that grows and fades, by severity — critical red, larger and fast; major orange; minor yellow;
 * info blue and steady. All alarms of a severity pulse in step, so each severity is one ring
 * stroke and one dot fill per screen tile ({@link TileBatches}) whatever the number of alarms.
 * Positions are projected to metres once when the list or the park changes; a frame only scales
 * them. While something pulses the canvas is redrawn every pulse; with info alarms only it is
 * redrawn when the list, the view or the switch changes.
 */
public final class AlarmLayer implements MapLayer {
  /** Drawing order: least severe first, so critical markers are on top. */
  private static final Severity[] BOTTOM_UP = {Severity.INFO, Severity.MINOR, Severity.MAJOR, Severity.CRITICAL};
  private static final double CULL_MARGIN_PX = 40;
  private static final Color DOT_OUTLINE = Color.rgb(255, 255, 255, 0.9);

  private final MapState state;
  private final Canvas canvas = new Canvas();
  private final Pane node = new Pane(canvas);
  private final TileBatches dots = new TileBatches(Severity.values().length);
  private final TileBatches rings = new TileBatches(Severity.values().length);
  private final Pulse[] pulses = new Pulse[Severity.values().length];
  private LivePalette palette = LivePalette.defaults();
  private MapContext context;
  private double[] metres = new double[0];
  private Severity[] severities = new Severity[0];
  private int[] perSeverity = new int[Severity.values().length];
  private boolean dirty = true;
  private boolean drawnSomething;
  private int redraws;
  private int drawnMarkers;

  public AlarmLayer(MapState state) {
    this.state = state;
    node.getStyleClass().add(MapStyles.ALARM_LAYER);
    node.setUserData(this); // lets tools and tests find the layer behind the node
    node.setMouseTransparent(true);
    node.setPickOnBounds(false);
    canvas.widthProperty().bind(state.widthProperty());
    canvas.heightProperty().bind(state.heightProperty());
    canvas.setMouseTransparent(true);
    ChangeListener<Object> markDirty = (obs, old, now) -> dirty = true;
    state.widthProperty().addListener(markDirty);
    state.heightProperty().addListener(markDirty);
    state.visibleProperty(LayerKind.ALARMS).addListener(markDirty);
    state.alarms().addListener((ListChangeListener<AlarmMarker>) change -> reproject());
    ThemeSwatches.install(node, now -> {
      palette = now;
      dirty = true;
    });
  }

  @Override
  public Node node() {
    return node;
  }

  @Override
  public void parkChanged(MapContext value) {
    context = value;
    reproject();
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    dirty = true;
  }

  /** The colour a severity is drawn in (the theme's, once CSS applied). */
  public Color colourOf(Severity severity) {
    return palette.alarm(severity);
  }

  private void reproject() {
    List<AlarmMarker> alarms = state.alarms();
    metres = new double[alarms.size() * 2];
    severities = new Severity[alarms.size()];
    perSeverity = new int[Severity.values().length];
    for (int i = 0; i < alarms.size(); i++) {
      AlarmMarker alarm = alarms.get(i);
      severities[i] = alarm.severity();
      perSeverity[alarm.severity().ordinal()]++;
      if (context != null) {
        metres[2 * i] = context.x(alarm.lon());
        metres[2 * i + 1] = context.y(alarm.lat());
      }
    }
    dirty = true;
  }

  @Override
  public void frame(long nowNanos) {
    boolean visible = state.visibleProperty(LayerKind.ALARMS).get();
    boolean pulsing = visible && severities.length > perSeverity[Severity.INFO.ordinal()];
    if (!dirty && !pulsing) {
      return;
    }
    dirty = false;
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    if (!visible || context == null || severities.length == 0) {
      if (drawnSomething) {
        gc.clearRect(0, 0, w, h);
        redraws++;
        drawnSomething = false;
        drawnMarkers = 0;
      }
      return;
    }
    redraws++;
    gc.clearRect(0, 0, w, h);
    MapViewport v = state.viewport();
    drawnMarkers = 0;
    dots.clear(w, h);
    rings.clear(w, h);
    for (Severity severity : Severity.values()) {
      pulses[severity.ordinal()] = Pulse.of(severity, nowNanos);
    }
    for (int i = 0; i < severities.length; i++) {
      double sx = v.screenX(metres[2 * i]);
      double sy = v.screenY(metres[2 * i + 1]);
      if (sx < -CULL_MARGIN_PX || sy < -CULL_MARGIN_PX || sx > w + CULL_MARGIN_PX || sy > h + CULL_MARGIN_PX) {
        continue;
      }
      drawnMarkers++;
      Pulse pulse = pulses[severities[i].ordinal()];
      int slot = slot(severities[i]);
      circle(dots.at(slot, sx, sy), sx, sy, pulse.dotRadius());
      if (pulse.ringAlpha() > 0) {
        circle(rings.at(slot, sx, sy), sx, sy, pulse.ringRadius());
      }
    }
    gc.setLineWidth(2.5);
    rings.stroke(gc, slot -> {
      Severity severity = BOTTOM_UP[slot];
      return palette.alarm(severity).deriveColor(0, 1, 1, pulses[severity.ordinal()].ringAlpha());
    });
    dots.fill(gc, slot -> palette.alarm(BOTTOM_UP[slot]));
    gc.setLineWidth(1.5);
    dots.stroke(gc, slot -> DOT_OUTLINE);
    drawnSomething = true;
  }

  /** Batch slot of a severity: least severe first, so critical markers are drawn on top. */
  private static int slot(Severity severity) {
    for (int i = 0; i < BOTTOM_UP.length; i++) {
      if (BOTTOM_UP[i] == severity) {
        return i;
      }
    }
    throw new IllegalArgumentException(String.valueOf(severity));
  }

  /** A circle as a 12-gon: at marker sizes it is round, and it batches into one path. */
  private static void circle(PathBatch batch, double cx, double cy, double r) {
    batch.moveTo(cx + r, cy);
    for (int k = 1; k < 12; k++) {
      double a = k * Math.PI / 6;
      batch.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    batch.lineTo(cx + r, cy);
  }

  int redrawCount() {
    return redraws;
  }

  /** Markers drawn by the last redraw (after culling). */
  int drawnMarkerCount() {
    return drawnMarkers;
  }

  /**
   * How a severity's marker looks at a moment: dot radius, and a ring that grows from the dot
   * outwards and fades over one period. Info alarms are steady (no ring).
   */
  record Pulse(double dotRadius, double ringRadius, double ringAlpha, double ringWidth) {
    static Pulse of(Severity severity, long nowNanos) {
      double periodMs;
      double dot;
      double reach;
      switch (severity) {
        case CRITICAL -> {
          periodMs = 700;
          dot = 7;
          reach = 22;
        }
        case MAJOR -> {
          periodMs = 1200;
          dot = 6;
          reach = 16;
        }
        case MINOR -> {
          periodMs = 1800;
          dot = 5;
          reach = 12;
        }
        default -> {
          return new Pulse(5, 5, 0, 0);
        }
      }
      double phase = (nowNanos / 1_000_000L % (long) periodMs) / periodMs;
      return new Pulse(dot, dot + (reach - dot) * phase, 0.9 * (1 - phase), severity == Severity.CRITICAL ? 3 : 2);
    }
  }
}
