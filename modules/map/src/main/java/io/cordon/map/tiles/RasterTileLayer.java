package io.cordon.map.tiles;

import io.cordon.domain.geo.LocalProjection;
import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapLayer;
import io.cordon.map.MapState;
import io.cordon.map.MapViewport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional raster base map under the vector plan, from the {@link TileSource} in
 * {@link MapState#tilesProperty()}; without one it draws nothing and the plan stands alone.
 *
 * <p>Tiles are Web Mercator XYZ, the map is drawn in the park's local metric projection. Each tile
 * is drawn as an axis-aligned box between its projected corners: both projections map longitude
 * to x and latitude to y independently, so the corners are exact and only the Mercator stretch of
 * latitude inside one tile is approximated linearly. That residual is about
 * {@code 32 · Δφ · tan φ} screen pixels for a tile shown at its native size (Δφ the tile's height in
 * radians): 0.002 px at zoom 16 and 0.06 px at zoom 11 at the park's latitude, far under a pixel
 * (RasterTileLayerGeometryTest checks it).
 *
 * <p>Tiles are read and decoded on loader threads, kept in a bounded LRU cache and drawn on one
 * canvas on the FX thread, at most once per pulse and only when something changed. While a tile
 * loads, a cached tile of a lower zoom is drawn scaled in its place.
 */
public final class RasterTileLayer implements MapLayer {
  /** Style class of the layer's node. */
  public static final String STYLE_CLASS = "map-tiles";
  static final int CACHE_TILES = 256;
  /** Beyond this many tiles in view the layer steps a zoom down, so the cache never thrashes. */
  static final int MAX_VISIBLE_TILES = CACHE_TILES * 3 / 4;
  private static final int FALLBACK_LEVELS = 5;
  private static final int DEFAULT_TILE_PIXELS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(RasterTileLayer.class);

  private final MapState state;
  private final Executor loader;
  private final Canvas canvas = new Canvas();
  private final Pane content = new Pane(canvas);
  private final TileImageCache cache = new TileImageCache(CACHE_TILES);
  private final Set<TileKey> loading = new HashSet<>();
  private volatile Set<TileKey> wanted = Set.of();
  private TileSource source;
  private long generation;
  private int tilePixels = DEFAULT_TILE_PIXELS;
  private boolean tileSizeKnown;
  private boolean dirty = true;

  /** A layer loading tiles on the map's shared tile-loader threads. */
  public RasterTileLayer(MapState state) {
    this(state, SharedLoader.EXECUTOR);
  }

  /** A layer loading tiles on {@code loader}; decoded images reach the scene through {@code Platform.runLater}. */
  public RasterTileLayer(MapState state, Executor loader) {
    this.state = state;
    this.loader = loader;
    content.getStyleClass().add(STYLE_CLASS);
    content.setMouseTransparent(true);
    content.visibleProperty().bind(state.visibleProperty(LayerKind.TILES).and(state.tilesProperty().isNotNull()));
    canvas.widthProperty().bind(state.widthProperty());
    canvas.heightProperty().bind(state.heightProperty());
    canvas.widthProperty().addListener((obs, old, now) -> dirty = true);
    canvas.heightProperty().addListener((obs, old, now) -> dirty = true);
    content.visibleProperty().addListener((obs, old, now) -> dirty = true);
    source = state.tilesProperty().get();
    state.tilesProperty().addListener((obs, old, now) -> sourceChanged(old, now));
  }

  @Override
  public Node node() {
    return content;
  }

  @Override
  public void parkChanged(MapContext context) {
    dirty = true;
  }

  @Override
  public void viewportChanged(MapViewport viewport) {
    dirty = true;
  }

  @Override
  public void frame(long nowNanos) {
    if (dirty) {
      dirty = false;
      redraw();
    }
  }

  /** The previous source is closed: the layer owns the source while it is set. */
  private void sourceChanged(TileSource old, TileSource now) {
    generation++;
    source = now;
    cache.clear();
    loading.clear();
    wanted = Set.of();
    tilePixels = DEFAULT_TILE_PIXELS;
    tileSizeKnown = false;
    dirty = true;
    if (old != null && old != now) {
      old.close();
    }
  }

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    MapContext context = state.context();
    TileSource src = source;
    if (context == null || src == null || !content.isVisible() || w <= 0 || h <= 0) {
      wanted = Set.of();
      return;
    }
    MapViewport v = state.viewport();
    LocalProjection projection = context.projection();
    Coordinate nw = projection.toLonLat(new Coordinate(v.worldX(0), v.worldY(0)));
    Coordinate se = projection.toLonLat(new Coordinate(v.worldX(w), v.worldY(h)));
    Optional<LonLatBounds> bounds = src.bounds();
    if (bounds.isPresent() && !bounds.get().intersects(nw.x, se.y, se.x, nw.y)) {
      wanted = Set.of();
      return;
    }
    int z = WebMercatorTiles.bestZoom(v.scale(), projection.origin().y, tilePixels, src.minZoom(), src.maxZoom());
    TileRange range = TileRange.covering(nw, se, z);
    while (range.count() > MAX_VISIBLE_TILES && z > src.minZoom()) {
      z--;
      range = TileRange.covering(nw, se, z);
    }
    if (range.count() > MAX_VISIBLE_TILES) {
      wanted = Set.of(); // zoomed far out beyond the tile set's coarsest level
      return;
    }
    drawRange(g, range, context, v, bounds.orElse(null), src.minZoom());
  }

  private void drawRange(GraphicsContext g, TileRange range, MapContext context, MapViewport v, LonLatBounds bounds, int minZoom) {
    int z = range.z();
    // Tile edges projected once per column and row, rounded so neighbours share them: no seams.
    double[] edgeX = new double[range.columns() + 1];
    double[] edgeY = new double[range.rows() + 1];
    for (int i = 0; i <= range.columns(); i++) {
      edgeX[i] = Math.round(v.screenX(context.x(WebMercatorTiles.lon(range.minX() + i, z))));
    }
    for (int j = 0; j <= range.rows(); j++) {
      edgeY[j] = Math.round(v.screenY(context.y(WebMercatorTiles.lat(range.minY() + j, z))));
    }
    Set<TileKey> nowWanted = new HashSet<>();
    List<TileKey> toLoad = new ArrayList<>();
    for (int j = 0; j < range.rows(); j++) {
      for (int i = 0; i < range.columns(); i++) {
        TileKey key = new TileKey(z, range.minX() + i, range.minY() + j);
        if (bounds != null && !inBounds(key, bounds)) {
          continue;
        }
        double x0 = edgeX[i];
        double y0 = edgeY[j];
        double dw = edgeX[i + 1] - x0;
        double dh = edgeY[j + 1] - y0;
        Image image = cache.image(key);
        if (image != null) {
          g.drawImage(image, x0, y0, dw, dh);
        } else if (!cache.contains(key)) {
          nowWanted.add(key);
          if (!loading.contains(key)) {
            toLoad.add(key);
          }
          drawAncestor(g, key, minZoom, x0, y0, dw, dh);
        }
        // else: the source has no such tile; nothing is drawn there
      }
    }
    wanted = Set.copyOf(nowWanted);
    toLoad.forEach(this::load);
  }

  /** Stands in for a tile still loading with the matching part of a cached lower-zoom tile. */
  private void drawAncestor(GraphicsContext g, TileKey key, int minZoom, double x, double y, double w, double h) {
    for (int levels = 1; levels <= FALLBACK_LEVELS && key.z() - levels >= minZoom; levels++) {
      TileKey ancestor = key.ancestor(levels);
      Image image = cache.image(ancestor);
      if (image != null) {
        double part = image.getWidth() / (1 << levels);
        double px = (key.x() - ((long) ancestor.x() << levels)) * part;
        double py = (key.y() - ((long) ancestor.y() << levels)) * part;
        g.drawImage(image, px, py, part, part, x, y, w, h);
        return;
      }
    }
  }

  private static boolean inBounds(TileKey key, LonLatBounds bounds) {
    return bounds.intersects(
        WebMercatorTiles.lon(key.x(), key.z()),
        WebMercatorTiles.lat(key.y() + 1, key.z()),
        WebMercatorTiles.lon(key.x() + 1, key.z()),
        WebMercatorTiles.lat(key.y(), key.z()));
  }

  private void load(TileKey key) {
    loading.add(key);
    long requestGeneration = generation;
    TileSource src = source;
    loader.execute(() -> {
      if (!wanted.contains(key)) {
        Platform.runLater(() -> skipped(requestGeneration, key));
        return;
      }
      Image image = read(src, key);
      Platform.runLater(() -> loaded(requestGeneration, key, image));
    });
  }

  /** Reads and decodes one tile off the FX thread; null when the source has none or it is unreadable. */
  private static Image read(TileSource src, TileKey key) {
    try {
      Optional<byte[]> bytes = src.tile(key.z(), key.x(), key.y());
      if (bytes.isEmpty()) {
        return null;
      }
      Image image = new Image(new ByteArrayInputStream(bytes.get()));
      if (image.isError()) {
        LOG.debug("Tile {} of {} is not a PNG or JPEG image", key, src.description());
        return null;
      }
      return image;
    } catch (IOException | RuntimeException e) {
      LOG.debug("Tile {} of {} could not be read", key, src.description(), e);
      return null;
    }
  }

  private void loaded(long requestGeneration, TileKey key, Image image) {
    if (requestGeneration != generation) {
      return;
    }
    loading.remove(key);
    cache.put(key, image);
    if (image != null && !tileSizeKnown) {
      tileSizeKnown = true;
      tilePixels = Math.max(64, (int) image.getWidth()); // 512-px tiles: pick zooms for their real pixel size
    }
    dirty = true;
  }

  private void skipped(long requestGeneration, TileKey key) {
    if (requestGeneration != generation) {
      return;
    }
    loading.remove(key);
    if (wanted.contains(key)) {
      dirty = true; // wanted again since: ask once more on the next pulse
    }
  }

  /** Nothing is waiting to be loaded or drawn; for tests. */
  boolean isSettled() {
    return loading.isEmpty() && !dirty;
  }

  /** The tiles in view at one zoom, as column and row ranges clamped to the world. */
  record TileRange(int z, int minX, int minY, int columns, int rows) {
    static TileRange covering(Coordinate northWest, Coordinate southEast, int z) {
      int last = (1 << z) - 1;
      int minX = clamp((int) Math.floor(WebMercatorTiles.tileX(northWest.x, z)), last);
      int maxX = clamp((int) Math.floor(WebMercatorTiles.tileX(southEast.x, z)), last);
      int minY = clamp((int) Math.floor(WebMercatorTiles.tileY(northWest.y, z)), last);
      int maxY = clamp((int) Math.floor(WebMercatorTiles.tileY(southEast.y, z)), last);
      return new TileRange(z, minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    long count() {
      return (long) columns * rows;
    }

    private static int clamp(int value, int last) {
      return Math.max(0, Math.min(last, value));
    }
  }

  /** Two daemon threads for the whole application: tile reads are short and the machine small. */
  private static final class SharedLoader {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "cordon-tile-loader-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
