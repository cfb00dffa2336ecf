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
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * Active alarms as pulsing markers, drawn on the {@link VehicleLayer}'s top canvas above the
 * vehicles (one full-screen canvas less to composite on every frame, which is what the software
 * pipeline pays most for): a solid dot per alarm and a ring
 * that grows and fades, by severity — critical red, larger and fast; major orange; minor yellow;
 * info blue and steady. All alarms of a severity pulse in step. The markers are pre-rendered into
 * a sprite sheet ({@link AlarmSprites}: a dot and {@value Pulse#PHASES} ring steps per severity),
 * so a frame only copies two small images per alarm — the software rasteriser would otherwise
 * scan-convert 400 circles every frame (measured: ~10 ms of the render thread for 200 alarms).
 * Positions are projected to metres once when the list or the park changes; a frame only scales
 * them. While something pulses the canvas is redrawn every {@link #PULSE_STEP_NANOS pulse step};
 * with info alarms only it is redrawn when the list, the view or the switch changes.
 */
public final class AlarmLayer implements MapLayer {
  /** Drawing order: least severe first, so critical markers are on top. */
  private static final Severity[] BOTTOM_UP = {Severity.INFO, Severity.MINOR, Severity.MAJOR, Severity.CRITICAL};
  private static final double CULL_MARGIN_PX = 40;
  /**
   * The pulse animation advances in steps of 50 ms (20 frames a second): smooth enough for a
   * blinking marker, and the whole map is not repainted on every 60 Hz pulse for it.
   */
  static final long PULSE_STEP_NANOS = 50_000_000L;

  private final MapState state;
  /** No drawing of its own (the vehicle layer's canvas carries the markers); styles and lookups. */
  private final Pane node = new Pane();
  private AlarmSprites sprites;
  private LivePalette palette = LivePalette.defaults();
  private MapContext context;
  private double[] metres = new double[0];
  private Severity[] severities = new Severity[0];
  private int[] perSeverity = new int[Severity.values().length];
  private boolean dirty = true;
  private long drawnStep = -1;
  private boolean drawnSomething;
  private int redraws;
  private int drawnMarkers;

  /** Made by the {@link VehicleLayer} that draws the markers; add both to the map. */
  AlarmLayer(MapState state) {
    this.state = state;
    node.getStyleClass().add(MapStyles.ALARM_LAYER);
    node.setUserData(this); // lets tools and tests find the layer behind the node
    node.setMouseTransparent(true);
    node.setPickOnBounds(false);
    ChangeListener<Object> markDirty = (obs, old, now) -> dirty = true;
    state.widthProperty().addListener(markDirty);
    state.heightProperty().addListener(markDirty);
    state.visibleProperty(LayerKind.ALARMS).addListener(markDirty);
    state.alarms().addListener((ListChangeListener<AlarmMarker>) change -> reproject());
    ThemeSwatches.install(node, now -> {
      palette = now;
      sprites = null; // re-rendered in the next frame, outside the CSS pass
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

  /**
   * Whether the markers must be drawn again this pulse: the list, the view or the switch changed,
   * or the pulse animation reached its next step. Called once per pulse by the layer that owns the
   * canvas, before {@link #draw}.
   */
  boolean due(long nowNanos) {
    boolean visible = state.visibleProperty(LayerKind.ALARMS).get();
    boolean pulsing = visible && severities.length > perSeverity[Severity.INFO.ordinal()];
    long step = nowNanos / PULSE_STEP_NANOS;
    if (!dirty && !(pulsing && step != drawnStep)) {
      return false;
    }
    dirty = false;
    drawnStep = step;
    if (!shows()) {
      if (drawnSomething) {
        redraws++; // once, to wipe the markers
        drawnSomething = false;
        drawnMarkers = 0;
        return true;
      }
      return false;
    }
    redraws++;
    return true;
  }

  private boolean shows() {
    return state.visibleProperty(LayerKind.ALARMS).get() && context != null && severities.length > 0;
  }

  /** Draws the markers at the current pulse step onto the (already cleared) shared canvas. */
  void draw(GraphicsContext gc, double w, double h) {
    drawnMarkers = 0;
    if (!shows()) {
      return;
    }
    if (sprites == null) {
      sprites = AlarmSprites.render(palette);
    }
    long nowNanos = drawnStep * PULSE_STEP_NANOS;
    MapViewport v = state.viewport();
    for (Severity severity : BOTTOM_UP) {
      if (perSeverity[severity.ordinal()] == 0) {
        continue;
      }
      int phase = Pulse.phaseIndex(severity, nowNanos);
      for (int i = 0; i < severities.length; i++) {
        if (severities[i] != severity) {
          continue;
        }
        double sx = v.screenX(metres[2 * i]);
        double sy = v.screenY(metres[2 * i + 1]);
        if (sx < -CULL_MARGIN_PX || sy < -CULL_MARGIN_PX || sx > w + CULL_MARGIN_PX || sy > h + CULL_MARGIN_PX) {
          continue;
        }
        drawnMarkers++;
        sprites.draw(gc, severity, phase, Math.round(sx), Math.round(sy));
      }
    }
    drawnSomething = true;
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
    /** Pulse animations are pre-rendered in this many steps per period. */
    static final int PHASES = 16;

    static Pulse of(Severity severity, long nowNanos) {
      return at(severity, phase(severity, nowNanos));
    }

    /** Which pre-rendered step shows at a moment. */
    static int phaseIndex(Severity severity, long nowNanos) {
      return Math.min(PHASES - 1, (int) (phase(severity, nowNanos) * PHASES));
    }

    /** 0 ≤ phase &lt; 1 through the severity's period (0 for steady info alarms). */
    static double phase(Severity severity, long nowNanos) {
      double periodMs = periodMillis(severity);
      return periodMs == 0 ? 0 : (nowNanos / 1_000_000L % (long) periodMs) / periodMs;
    }

    static double periodMillis(Severity severity) {
      switch (severity) {
        case CRITICAL:
          return 700;
        case MAJOR:
          return 1200;
        case MINOR:
          return 1800;
        default:
          return 0;
      }
    }

    /** The marker at a point of its period. */
    static Pulse at(Severity severity, double phase) {
      double dot;
      double reach;
      switch (severity) {
        case CRITICAL -> {
          dot = 7;
          reach = 22;
        }
        case MAJOR -> {
          dot = 6;
          reach = 16;
        }
        case MINOR -> {
          dot = 5;
          reach = 12;
        }
        default -> {
          return new Pulse(5, 5, 0, 0);
        }
      }
      return new Pulse(dot, dot + (reach - dot) * phase, 0.9 * (1 - phase), severity == Severity.CRITICAL ? 3 : 2);
    }
  }
}
