package io.cordon.map.live;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import io.cordon.map.MapViewport;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Live vehicles on two canvases sized to the map: fading trails, which the map puts right above
 * the still plan ({@link #trails()}: cached with it while the park is in view); and in this layer's
 * node vehicle arrows (pointing along the heading, coloured by {@link VehicleClass}), plate labels
 * when zoomed in, and the {@link AlarmLayer alarm markers} on top.
 *
 * <p>Why it stays fast with 2,000 vehicles in software rendering, where every frame composites
 * each full-screen canvas again (measured with JFR: those copies, not the drawing, are most of a
 * frame): markers share the vehicles' canvas, and the trails' canvas is copied into the plan's
 * bitmap once a second instead of composited on every frame; the top canvas
 * is repainted when the vehicles or the alarm pulse changed, replaying what the last vehicle redraw
 * collected; the vehicles are redrawn only when {@link LiveVehicles#revision()}, the viewport, the
 * size, a switch or the palette changed, checked once per pulse, and for live updates alone at most
 * {@link #MIN_LIVE_REDRAW_NANOS 10 times a second}; each fix is projected once per redraw with
 * plain arithmetic and culled to the view; arrows are copied from pre-rendered {@link ArrowSprites}
 * instead of filled as polygons. Trails drop points closer than {@value #TRAIL_MIN_STEP_PX} px or on
 * a straight stretch and draw each colour/alpha bucket as one path per screen tile ({@link
 * TileBatches}) instead of one path per vehicle — and not one path per colour over the whole map
 * either, which the software rasteriser pays for with a full-screen coverage mask. Trails change
 * slowly (a point per vehicle per second), so on live updates alone they grow every
 * {@value #TRAIL_REFRESH_MILLIS} ms by only what each vehicle drove since (drawn over the trails
 * already on the canvas: a few thousand short strokes instead of 2,000 whole trails, which took
 * ~80 ms of the render thread every second), and are rebuilt whole — aged, faded, old ends
 * dropped — every {@value #TRAIL_REBUILD_MILLIS} ms; the fading buckets are a minute wide, so
 * that delay does not show. A pan or zoom rebuilds them at once.
 */
public final class VehicleLayer implements MapLayer {
  /** Plates are labelled from this zoom on (pixels per metre; ~1.3 km across a 1920 px map). */
  static final double LABEL_MIN_SCALE = 1.5;
  /** At most this many plate labels at once, the most important first ({@link PlateLabelLayout}). */
  static final int MAX_LABELS = 150;
  static final double TRAIL_MIN_STEP_PX = 2;
  /** Trail points this close to the straight line past them are dropped. */
  static final double TRAIL_STRAIGHT_PX = 0.5;
  static final int TRAIL_BUCKETS = 5;
  static final long TRAIL_REFRESH_MILLIS = 1000;
  /** Trails are redrawn whole (aged and cut to the window) this often; in between they only grow. */
  static final long TRAIL_REBUILD_MILLIS = 15_000;
  static final long DEFAULT_TRAIL_MILLIS = TimeUnit.MINUTES.toMillis(5);
  /**
   * Live updates alone redraw at most this often (10 Hz): each vehicle reports about once a
   * second, so faster redraws show nothing new but repaint the whole map. Pans and zooms redraw at
   * once.
   */
  static final long MIN_LIVE_REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final double CULL_MARGIN_PX = 16;
  private static final double LABEL_HEIGHT = 16;
  /** Text inset in its label box, each side. */
  private static final double LABEL_INSET = 2;
  private static final VehicleClass[] CLASSES = VehicleClass.values();
  private static final Color OUTLINE = Color.rgb(8, 14, 20, 0.85);
  private static final Color LABEL_BACK = Color.rgb(13, 22, 32, 0.72);
  private static final Color LABEL_TEXT = Color.web("#e8eef4");
  /** Ring round a vehicle breaking a rule: the critical red of the alarm palette. */
  static final Color VIOLATION_RING = Color.web("#ff1744");
  /** Dashed square round an unbound terminal's position. */
  static final Color UNBOUND_MARK = Color.web("#f5f7fa");
  private static final Font LABEL_FONT = Font.font("Noto Sans CJK SC", FontWeight.BOLD, 12);

  private final MapState state;
  private final LongSupplier clockMillis;
  private final long trailMillis;
  private final Canvas trailCanvas = new Canvas();
  /** Vehicles, plates and alarm markers: redrawn whenever either part changed. */
  private final Canvas vehicleCanvas = new Canvas();
  private final Pane node = new Pane(vehicleCanvas);
  private final AlarmLayer alarms;
  private final Marks marks = new Marks();
  private final ParkingOccupancy occupancy;
  private ArrowSprites sprites;
  private final TileBatches trails = new TileBatches(CLASSES.length * TRAIL_BUCKETS);
  private final Labels labels = new Labels();
  private final Collector collector = new Collector();
  private LivePalette palette = LivePalette.defaults();
  private Color[] trailColours = trailColours(palette);
  private MapContext context;

  private boolean viewDirty = true;
  private LiveVehicles drawnSource;
  private long drawnRevision = -1;
  private long trailsDrawnAtMillis = Long.MIN_VALUE;
  private long trailsRebuiltAtMillis = Long.MIN_VALUE;
  /** Per plate, where its drawn trail ends: screen x, y and the fix time, for growing it. */
  private final Map<String, double[]> trailHeads = new HashMap<>();
  private boolean trailsNeedRedraw = true;
  private long redrawnAtNanos = Long.MIN_VALUE / 2;
  private int redraws;
  private int trailRedraws;
  private int trailRebuilds;
  private int drawnVehicles;
  private int drawnLabels;
  private int flaggedVehicles;

  public VehicleLayer(MapState state) {
    this(state, System::currentTimeMillis, DEFAULT_TRAIL_MILLIS);
  }

  /**
   * @param clockMillis the wall clock the fixes' times are compared with (trail age)
   * @param trailMillis how much trail to show behind each vehicle
   */
  public VehicleLayer(MapState state, LongSupplier clockMillis, long trailMillis) {
    this.state = state;
    this.clockMillis = clockMillis;
    this.trailMillis = trailMillis;
    this.occupancy = new ParkingOccupancy(state);
    this.alarms = new AlarmLayer(state);
    node.getStyleClass().add(MapStyles.VEHICLE_LAYER);
    node.setUserData(this); // lets tools and tests find the layer behind the node
    trailCanvas.getStyleClass().add(MapStyles.TRAIL_LAYER);
    node.setMouseTransparent(true);
    node.setPickOnBounds(false);
    for (Canvas canvas : List.of(trailCanvas, vehicleCanvas)) {
      canvas.widthProperty().bind(state.widthProperty());
      canvas.heightProperty().bind(state.heightProperty());
      canvas.setMouseTransparent(true);
    }
    ChangeListener<Object> dirty = (obs, old, now) -> viewDirty = true;
    state.widthProperty().addListener(dirty);
    state.heightProperty().addListener(dirty);
    state.visibleProperty(LayerKind.VEHICLES).addListener(dirty);
    state.visibleProperty(LayerKind.TRAILS).addListener(dirty);
    state.vehiclesProperty().addListener(dirty);
    state.selectionProperty().addListener(dirty); // the selected vehicle's label comes first
    ThemeSwatches.install(node, now -> {
      palette = now;
      sprites = null; // re-rendered in the next frame, outside the CSS pass
      trailColours = trailColours(now);
      viewDirty = true;
    });
  }

  @Override
  public Node node() {
    return node;
  }

  /**
   * The trails' canvas, sized to the map, in screen coordinates; not part of {@link #node()}: the
   * map puts it under the plan's gates and labels ({@link io.cordon.map.plan.ParkPlanLayer#underlay()}),
   * where it is cached with the plan, since it changes only about once a second.
   */
  public Node trails() {
    return trailCanvas;
  }

  /** The alarm markers this layer draws above the vehicles; add it to the map after this layer. */
  public AlarmLayer alarms() {
    return alarms;
  }

  /** The lot counter this layer drives; the plan layer shows its counts. */
  public ParkingOccupancy occupancy() {
    return occupancy;
  }

  @Override
  public void parkChanged(MapContext value) {
    context = value;
    occupancy.parkChanged(value);
    viewDirty = true;
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    viewDirty = true;
  }

  @Override
  public void frame(long nowNanos) {
    boolean alarmsDue = alarms.due(nowNanos);
    boolean vehiclesDue = vehiclesDue(nowNanos);
    if (vehiclesDue) {
      LiveVehicles live = state.vehiclesProperty().get();
      long now = clockMillis.getAsLong();
      boolean rebuild = viewDirty || trailsNeedRedraw || now - trailsRebuiltAtMillis >= TRAIL_REBUILD_MILLIS;
      boolean trailsDue = rebuild || now - trailsDrawnAtMillis >= TRAIL_REFRESH_MILLIS;
      redrawnAtNanos = nowNanos;
      redraw(live, now, trailsDue, rebuild);
      if (trailsDue) {
        // Lots counted with the trails' growth (once a second): labels placed again after a count
        // change and the grown trails then touch the plan's cached bitmap on the same frame.
        occupancy.update(live);
      }
      drawnSource = live;
      drawnRevision = live.revision();
      viewDirty = false;
    }
    if (vehiclesDue || alarmsDue) {
      paintTop();
    }
  }

  private boolean vehiclesDue(long nowNanos) {
    LiveVehicles live = state.vehiclesProperty().get();
    long revision = live.revision();
    if (!viewDirty && live == drawnSource && revision == drawnRevision) {
      return false;
    }
    // live updates alone: checked again next pulse
    return viewDirty || live != drawnSource || nowNanos - redrawnAtNanos >= MIN_LIVE_REDRAW_NANOS;
  }

  /** The top canvas from what the last redraw collected: arrows, plates, then the alarm markers. */
  private void paintTop() {
    double w = vehicleCanvas.getWidth();
    double h = vehicleCanvas.getHeight();
    GraphicsContext gc = vehicleCanvas.getGraphicsContext2D();
    gc.clearRect(0, 0, w, h);
    if (w <= 0 || h <= 0) {
      return;
    }
    marks.drawFlags(gc, sprites == null ? 11 : sprites.length);
    marks.draw(gc, sprites);
    labels.draw(gc);
    alarms.draw(gc, w, h);
  }

  /** Collects vehicles (and draws trails when due) for {@link #paintTop}. */
  private void redraw(LiveVehicles live, long nowMillis, boolean withTrails, boolean rebuildTrails) {
    redraws++;
    boolean showVehicles = state.visibleProperty(LayerKind.VEHICLES).get();
    boolean showTrails = state.visibleProperty(LayerKind.TRAILS).get();
    double w = vehicleCanvas.getWidth();
    double h = vehicleCanvas.getHeight();
    drawnVehicles = 0;
    drawnLabels = 0;
    marks.clear();
    labels.clear(w, h);
    if (withTrails) {
      if (rebuildTrails) {
        trailCanvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        trailHeads.clear();
        trailsRebuiltAtMillis = nowMillis;
        trailRebuilds++;
      }
      trailsNeedRedraw = false;
      trailsDrawnAtMillis = nowMillis;
    }
    if (context == null || w <= 0 || h <= 0 || (!showVehicles && !(showTrails && withTrails))) {
      return;
    }
    MapViewport v = state.viewport();
    double arrowLength = v.scale() >= LABEL_MIN_SCALE ? 16 : 11;
    if (showVehicles && (sprites == null || sprites.length != arrowLength)) {
      // zoomed out, the dark map is contrast enough without an outline
      sprites = ArrowSprites.render(palette, arrowLength, v.scale() >= LABEL_MIN_SCALE, OUTLINE);
    }
    trails.clear(w, h);
    collector.start(v, w, h, nowMillis, showVehicles, showTrails && withTrails, rebuildTrails,
        showVehicles && v.scale() >= LABEL_MIN_SCALE, arrowLength);
    labels.selectedPlate(selectedPlate());
    flaggedVehicles = 0;
    live.forEachFlagged(collector);

    if (showTrails && withTrails) {
      trailRedraws++;
      drawTrails(trailCanvas.getGraphicsContext2D(), v.scale());
    }
    if (showVehicles) {
      drawnLabels = labels.choose();
    }
  }

  /** The plate of the selected vehicle, or null. */
  private String selectedPlate() {
    MapFeature selected = state.selectionProperty().get();
    return selected != null && selected.kind() == FeatureKind.VEHICLE ? selected.id() : null;
  }

  private void drawTrails(GraphicsContext gc, double scale) {
    gc.setLineWidth(scale >= LABEL_MIN_SCALE ? 2.5 : 1.5);
    gc.setLineCap(StrokeLineCap.BUTT);
    gc.setLineJoin(StrokeLineJoin.BEVEL);
    trails.stroke(gc, slot -> trailColours[slot]);
  }

  /** Trail colours by class and age bucket, newest bucket most opaque. */
  private static Color[] trailColours(LivePalette palette) {
    Color[] colours = new Color[CLASSES.length * TRAIL_BUCKETS];
    for (int c = 0; c < CLASSES.length; c++) {
      Color base = palette.vehicle(CLASSES[c]);
      for (int b = 0; b < TRAIL_BUCKETS; b++) {
        colours[c * TRAIL_BUCKETS + b] = base.deriveColor(0, 1, 1, trailAlpha(b));
      }
    }
    return colours;
  }

  /** Opacity of a trail age bucket: 0 is the newest. */
  static double trailAlpha(int bucket) {
    return 0.7 * (TRAIL_BUCKETS - bucket) / TRAIL_BUCKETS;
  }

  /** Age bucket of a trail point, or -1 when older than the trail window. */
  static int trailBucket(long ageMillis, long trailMillis) {
    if (ageMillis > trailMillis) {
      return -1;
    }
    return (int) Math.min(TRAIL_BUCKETS - 1, Math.max(0, ageMillis) * TRAIL_BUCKETS / Math.max(1, trailMillis));
  }

  /** How many times the layer redrew; tests check it follows the revision. */
  int redrawCount() {
    return redraws;
  }

  int trailRedrawCount() {
    return trailRedraws;
  }

  /** How many times the trails were cleared and drawn whole (the rest of the trail redraws only grew them). */
  int trailRebuildCount() {
    return trailRebuilds;
  }

  /** Vehicles drawn by the last redraw (after culling). */
  int drawnVehicleCount() {
    return drawnVehicles;
  }

  int drawnLabelCount() {
    return drawnLabels;
  }

  /** Whether the last redraw labelled the plate (tests). */
  boolean labelled(String plate) {
    return labels.shows(plate);
  }

  /** Vehicles drawn by the last redraw with a violation ring or the unbound-terminal mark. */
  int flaggedVehicleCount() {
    return flaggedVehicles;
  }

  /** Projects, culls and batches each vehicle; one instance reused, so a redraw allocates nothing per vehicle. */
  private final class Collector implements LiveVehicles.FlaggedVisitor {
    private MapViewport v;
    private double w;
    private double h;
    private long now;
    private boolean vehicles;
    private boolean withTrails;
    private boolean wholeTrails;
    private boolean withLabels;
    private double arrowLength;
    private double[] xy = new double[512];
    private int[] buckets = new int[256];

    void start(MapViewport viewport, double width, double height, long nowMillis,
        boolean drawVehicles, boolean drawTrails, boolean drawWholeTrails, boolean drawLabels, double arrowSize) {
      v = viewport;
      w = width;
      h = height;
      now = nowMillis;
      vehicles = drawVehicles;
      withTrails = drawTrails;
      wholeTrails = drawWholeTrails;
      withLabels = drawLabels;
      arrowLength = arrowSize;
    }

    @Override
    public void visit(String plate, VehicleClass vehicleClass, TrackPoint current, List<TrackPoint> trail, int flags) {
      double sx = v.screenX(context.x(current.lon()));
      double sy = v.screenY(context.y(current.lat()));
      int c = vehicleClass.ordinal();
      if (withTrails) {
        double[] head = trailHeads.get(plate);
        if (wholeTrails || head == null) {
          if (!trail.isEmpty()) {
            addTrail(c, current, trail, sx, sy);
          }
          trailHeads.put(plate, new double[] {sx, sy, current.epochMillis()});
        } else {
          growTrail(c, current, trail, sx, sy, head);
        }
      }
      if (!vehicles || sx < -CULL_MARGIN_PX || sy < -CULL_MARGIN_PX || sx > w + CULL_MARGIN_PX || sy > h + CULL_MARGIN_PX) {
        return;
      }
      drawnVehicles++;
      marks.add(c, ArrowSprites.headingIndex(current.headingDeg()), Math.round(sx), Math.round(sy), flags);
      if (flags != 0) {
        flaggedVehicles++;
      }
      if (withLabels) {
        labels.offer(plate, vehicleClass, flags, Math.round(sx), Math.round(sy), arrowLength);
      }
    }

    /**
     * Adds what the vehicle drove since its trail was last drawn: from the drawn end through the
     * newer fixes to the current one. Moves under {@link #TRAIL_MIN_STEP_PX} wait until they add
     * up, like the decimation of a whole trail.
     */
    private void growTrail(int c, TrackPoint current, List<TrackPoint> trail, double sx, double sy, double[] head) {
      double dx = sx - head[0];
      double dy = sy - head[1];
      if (current.epochMillis() <= head[2] || dx * dx + dy * dy < TRAIL_MIN_STEP_PX * TRAIL_MIN_STEP_PX) {
        return;
      }
      int first = trail.size();
      while (first > 0 && trail.get(first - 1).epochMillis() > head[2]) {
        first--;
      }
      double x0 = head[0];
      double y0 = head[1];
      PathBatch previous = null;
      for (int i = first; i <= trail.size(); i++) {
        TrackPoint p = i < trail.size() ? trail.get(i) : current;
        double x1 = i < trail.size() ? v.screenX(context.x(p.lon())) : sx;
        double y1 = i < trail.size() ? v.screenY(context.y(p.lat())) : sy;
        if (!TrailGeometry.segmentOutside(x0, y0, x1, y1, w, h, 2)) {
          int bucket = Math.max(0, trailBucket(now - p.epochMillis(), trailMillis));
          PathBatch batch = trails.at(c * TRAIL_BUCKETS + bucket, x0, y0);
          if (batch != previous) {
            batch.moveTo(x0, y0);
          }
          batch.lineTo(x1, y1);
          previous = batch;
        } else {
          previous = null;
        }
        x0 = x1;
        y0 = y1;
      }
      head[0] = sx;
      head[1] = sy;
      head[2] = current.epochMillis();
    }

    private void addTrail(int c, TrackPoint current, List<TrackPoint> trail, double sx, double sy) {
      int n = trail.size() + 1;
      if (xy.length < 2 * n) {
        xy = new double[4 * n];
        buckets = new int[2 * n];
      }
      int count = 0;
      for (int i = 0; i < trail.size(); i++) {
        TrackPoint p = trail.get(i);
        int bucket = trailBucket(now - p.epochMillis(), trailMillis);
        if (bucket < 0) {
          continue; // oldest first: skip what fell out of the window
        }
        xy[2 * count] = v.screenX(context.x(p.lon()));
        xy[2 * count + 1] = v.screenY(context.y(p.lat()));
        buckets[count] = bucket;
        count++;
      }
      if (count == 0) {
        return;
      }
      xy[2 * count] = sx;
      xy[2 * count + 1] = sy;
      buckets[count] = 0;
      count = TrailGeometry.decimate(xy, buckets, count + 1, TRAIL_MIN_STEP_PX, TRAIL_STRAIGHT_PX);
      int previousBucket = -1;
      PathBatch previousBatch = null;
      boolean penDown = false;
      for (int i = 0; i + 1 < count; i++) {
        double x0 = xy[2 * i];
        double y0 = xy[2 * i + 1];
        double x1 = xy[2 * i + 2];
        double y1 = xy[2 * i + 3];
        if (TrailGeometry.segmentOutside(x0, y0, x1, y1, w, h, 2)) {
          penDown = false;
          continue;
        }
        int bucket = buckets[i];
        PathBatch batch = trails.at(c * TRAIL_BUCKETS + bucket, x0, y0);
        if (!penDown || bucket != previousBucket || batch != previousBatch) {
          batch.moveTo(x0, y0);
        }
        batch.lineTo(x1, y1);
        previousBucket = bucket;
        previousBatch = batch;
        penDown = true;
      }
    }
  }

  /**
   * Plate labels: ranks each vehicle, measures its plate once, and leaves where the labels go to
   * {@link PlateLabelLayout}, at most {@value VehicleLayer#MAX_LABELS}.
   */
  private static final class Labels {
    /** Plate widths in the label font: plates come back every frame, measuring them does not. */
    private static final int MAX_MEASURED = 20_000;
    private final PlateLabelLayout layout = new PlateLabelLayout();
    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();
    private final PathBatch backs = new PathBatch();
    private String selected;
    private int n;

    Labels() {
      measure.setFont(LABEL_FONT);
    }

    void clear(double w, double h) {
      layout.clear(w, h);
      n = 0;
    }

    void selectedPlate(String plate) {
      selected = plate;
    }

    void offer(String plate, VehicleClass vehicleClass, int flags, double x, double y, double arrowLength) {
      int rank;
      if (plate.equals(selected)) {
        rank = PlateLabelLayout.SELECTED;
      } else if (flags != 0) {
        rank = PlateLabelLayout.ALARM;
      } else if (vehicleClass.isDangerous()) {
        rank = PlateLabelLayout.HAZMAT;
      } else {
        rank = PlateLabelLayout.OTHER;
      }
      layout.offer(plate, rank, x, y, width(plate), LABEL_HEIGHT, markerHalf(flags, arrowLength));
    }

    /** Half the drawn size of a marker with its ring or square ({@link Marks#drawFlags}), so no label hides it. */
    private static double markerHalf(int flags, double arrowLength) {
      double ring = arrowLength * 0.75 + 2;
      if ((flags & LiveVehicles.UNBOUND) != 0) {
        return ring + 3 + 1;
      }
      if ((flags & LiveVehicles.VIOLATING) != 0) {
        return ring + 1.5;
      }
      return arrowLength / 2;
    }

    private double width(String plate) {
      Double known = widths.get(plate);
      if (known == null) {
        if (widths.size() >= MAX_MEASURED) {
          widths.clear();
        }
        measure.setText(plate);
        known = Math.ceil(measure.getLayoutBounds().getWidth()) + 2 * LABEL_INSET;
        widths.put(plate, known);
      }
      return known;
    }

    boolean shows(String plate) {
      for (int i = 0; i < layout.size(); i++) {
        if (layout.placed(i) && layout.plate(i).equals(plate)) {
          return true;
        }
      }
      return false;
    }

    /** Places the labels (declutter); returns how many. */
    int choose() {
      n = layout.size() == 0 ? 0 : layout.place(MAX_LABELS);
      return n;
    }

    void draw(GraphicsContext gc) {
      if (n == 0) {
        return;
      }
      gc.setFont(LABEL_FONT);
      backs.clear();
      int size = layout.size();
      for (int i = 0; i < size; i++) {
        if (layout.placed(i)) {
          double x = layout.labelX(i);
          double y = layout.labelY(i);
          double width = layout.labelWidth(i);
          backs.polygon(x, y, x + width, y, x + width, y + LABEL_HEIGHT, x, y + LABEL_HEIGHT);
        }
      }
      gc.setFill(LABEL_BACK);
      backs.appendTo(gc);
      gc.fill();
      gc.setFill(LABEL_TEXT);
      for (int i = 0; i < size; i++) {
        if (layout.placed(i)) {
          gc.fillText(layout.plate(i), layout.labelX(i) + LABEL_INSET, layout.labelY(i) + LABEL_HEIGHT - 4);
        }
      }
    }
  }

  /** The arrows the last redraw collected, replayed whenever the top canvas is painted. */
  private static final class Marks {
    private static final int STRIDE = 5;
    private int[] packed = new int[1280];
    private int size;

    void clear() {
      size = 0;
    }

    void add(int classOrdinal, int heading, double x, double y, int flags) {
      if (size + STRIDE > packed.length) {
        packed = Arrays.copyOf(packed, packed.length * 2);
      }
      packed[size++] = classOrdinal;
      packed[size++] = heading;
      packed[size++] = (int) x;
      packed[size++] = (int) y;
      packed[size++] = flags;
    }

    void draw(GraphicsContext gc, ArrowSprites sprites) {
      if (sprites == null) {
        return;
      }
      for (int i = 0; i < size; i += STRIDE) {
        sprites.draw(gc, packed[i], packed[i + 1], packed[i + 2], packed[i + 3]);
      }
    }

    /**
     * Under the arrows: a red ring round each vehicle breaking a rule, and a dashed white square
     * round each unbound terminal (its class colour alone would pass for an ordinary tanker). Few
     * vehicles are flagged at once, so plain strokes are cheap here.
     */
    void drawFlags(GraphicsContext gc, double arrowLength) {
      double r = arrowLength * 0.75 + 2;
      boolean any = false;
      for (int i = 4; i < size && !any; i += STRIDE) {
        any = packed[i] != 0;
      }
      if (!any) {
        return;
      }
      gc.setLineDashes();
      gc.setLineWidth(2.5);
      gc.setStroke(VIOLATION_RING);
      for (int i = 0; i < size; i += STRIDE) {
        if ((packed[i + 4] & LiveVehicles.VIOLATING) != 0) {
          gc.strokeOval(packed[i + 2] - r, packed[i + 3] - r, 2 * r, 2 * r);
        }
      }
      gc.setLineWidth(1.5);
      gc.setStroke(UNBOUND_MARK);
      gc.setLineDashes(3, 3);
      double q = r + 3;
      for (int i = 0; i < size; i += STRIDE) {
        if ((packed[i + 4] & LiveVehicles.UNBOUND) != 0) {
          gc.strokeRect(packed[i + 2] - q, packed[i + 3] - q, 2 * q, 2 * q);
        }
      }
      gc.setLineDashes();
    }
  }
}
