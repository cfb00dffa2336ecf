package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.LayerKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The base map drawn under the plan, checked pixel by pixel against tiles of known colours. */
@ExtendWith(ApplicationExtension.class)
class RasterTileLayerTest {
  private static final int MIN_Z = 12;
  private static final int MAX_Z = 15;
  @TempDir static Path dir;
  private static Path xyz;
  private static Path mbtiles;
  private ParkMapView map;

  @BeforeAll
  static void writeTileSets() throws Exception {
    xyz = TileFixtures.xyzFolder(dir.resolve("xyz"), MIN_Z, MAX_Z, TilesTestPark.SURROUNDINGS);
    mbtiles = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), MIN_Z, MAX_Z, TilesTestPark.SURROUNDINGS, Map.of("format", "png"));
  }

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(TilesTestPark.park());
    for (LayerKind kind : LayerKind.values()) {
      map.state().visibleProperty(kind).set(kind == LayerKind.TILES); // the tiles alone, nothing drawn over them
    }
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  @Test
  void drawsEachTileInTheBoxOfItsProjectedCorners(FxRobot robot) throws Exception {
    setSource(robot, open(xyz));

    TileKey tile = tileNearTheCentre();
    Point2D west = screen(WebMercatorTiles.lon(tile.x(), tile.z()), WebMercatorTiles.lat(tile.y() + 0.5, tile.z()));
    Point2D north = screen(WebMercatorTiles.lon(tile.x() + 0.5, tile.z()), WebMercatorTiles.lat(tile.y(), tile.z()));
    awaitColour(west.add(3, 0), TileFixtures.fxColourOf(tile));
    assertThat(pixelAt(west.add(-3, 0))).isEqualTo(TileFixtures.fxColourOf(new TileKey(tile.z(), tile.x() - 1, tile.y())));
    assertThat(pixelAt(north.add(0, 3))).isEqualTo(TileFixtures.fxColourOf(tile));
    assertThat(pixelAt(north.add(0, -3))).isEqualTo(TileFixtures.fxColourOf(new TileKey(tile.z(), tile.x(), tile.y() - 1)));
  }

  @Test
  void drawsTheTilesOfAnMbTilesFileWhereTheyBelong(FxRobot robot) throws Exception {
    setSource(robot, open(mbtiles));

    TileKey tile = tileNearTheCentre();
    awaitColour(centreOf(tile), TileFixtures.fxColourOf(tile));
  }

  @Test
  void zoomedInBeyondTheDeepestTilesItDrawsThemEnlarged(FxRobot robot) throws Exception {
    setSource(robot, open(xyz));
    robot.interact(() -> map.state().moveTo(map.state().viewport().zoomAt(16, 400, 300)));

    Point2D centre = new Point2D(400, 300);
    MapContext context = fx(() -> map.state().context());
    MapViewport v = fx(() -> map.state().viewport());
    Coordinate lonLat = context.projection().toLonLat(new Coordinate(v.worldX(400), v.worldY(300)));
    TileKey deepest = new TileKey(MAX_Z, (int) WebMercatorTiles.tileX(lonLat.x, MAX_Z), (int) WebMercatorTiles.tileY(lonLat.y, MAX_Z));
    awaitColour(centre, TileFixtures.fxColourOf(deepest));
  }

  @Test
  void withoutATileSourceTheLayerDrawsNothing(FxRobot robot) throws Exception {
    Color background = pixelAt(new Point2D(400, 300));
    RecordingSource source = new RecordingSource(open(xyz));
    setSource(robot, source);
    TileKey tile = tileNearTheCentre();
    awaitColour(centreOf(tile), TileFixtures.fxColourOf(tile));

    setSource(robot, null);

    awaitColour(centreOf(tile), background);
    assertThat(robot.lookup("." + RasterTileLayer.STYLE_CLASS).query().isVisible()).isFalse();
    assertThat(source.closed).as("the replaced source is closed").isTrue();
  }

  @Test
  void switchingTheTilesLayerOffHidesTheBaseMap(FxRobot robot) throws Exception {
    Color background = pixelAt(new Point2D(400, 300));
    setSource(robot, open(xyz));
    TileKey tile = tileNearTheCentre();
    awaitColour(centreOf(tile), TileFixtures.fxColourOf(tile));

    robot.interact(() -> map.state().visibleProperty(LayerKind.TILES).set(false));

    awaitColour(centreOf(tile), background);
  }

  @Test
  void aTileTheSourceLacksLeavesTheBackgroundShowing(FxRobot robot) throws Exception {
    Path holed = TileFixtures.xyzFolder(dir.resolve("holed"), MIN_Z, MAX_Z, TilesTestPark.SURROUNDINGS);
    Color background = pixelAt(new Point2D(400, 300));
    TileKey tile = tileNearTheCentre();
    Files.delete(holed.resolve(tile.z() + "/" + tile.x() + "/" + tile.y() + ".png"));
    setSource(robot, open(holed));

    TileKey neighbour = new TileKey(tile.z(), tile.x() + 1, tile.y());
    awaitColour(centreOf(neighbour).midpoint(centreOf(tile)).add(20, 0), TileFixtures.fxColourOf(neighbour));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pixelAt(centreOf(tile))).isEqualTo(background);
  }

  // ---------------------------------------------------------------------------------------------

  private static TileSource open(Path path) {
    try {
      return TileSources.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void setSource(FxRobot robot, TileSource source) {
    robot.interact(() -> map.state().tilesProperty().set(source));
  }

  /** The tile of the zoom the layer picks that holds the map's centre. */
  private TileKey tileNearTheCentre() throws Exception {
    return fx(() -> {
      MapContext context = map.state().context();
      MapViewport v = map.state().viewport();
      Coordinate lonLat = context.projection().toLonLat(new Coordinate(v.worldX(400), v.worldY(300)));
      int z = WebMercatorTiles.bestZoom(v.scale(), context.projection().origin().y, 256, MIN_Z, MAX_Z);
      return new TileKey(z, (int) WebMercatorTiles.tileX(lonLat.x, z), (int) WebMercatorTiles.tileY(lonLat.y, z));
    });
  }

  private Point2D centreOf(TileKey tile) throws Exception {
    return screen(WebMercatorTiles.lon(tile.x() + 0.5, tile.z()), WebMercatorTiles.lat(tile.y() + 0.5, tile.z()));
  }

  private Point2D screen(double lon, double lat) throws Exception {
    return fx(() -> {
      MapContext context = map.state().context();
      MapViewport v = map.state().viewport();
      return new Point2D(v.screenX(context.x(lon)), v.screenY(context.y(lat)));
    });
  }

  private Color pixelAt(Point2D p) throws Exception {
    return fx(() -> map.snapshot(null, null).getPixelReader().getColor((int) p.getX(), (int) p.getY()));
  }

  /** Waits for the loader threads; fails with the colour actually drawn. */
  private void awaitColour(Point2D p, Color expected) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pixelAt(p).equals(expected));
    } catch (TimeoutException e) {
      assertThat(pixelAt(p)).as("pixel at %s", p).isEqualTo(expected);
    }
  }

  private static <T> T fx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get(15, TimeUnit.SECONDS);
  }

  /** A real tile folder that remembers being closed. */
  private static final class RecordingSource implements TileSource {
    private final TileSource tiles;
    private volatile boolean closed;

    RecordingSource(TileSource tiles) {
      this.tiles = tiles;
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) throws IOException {
      return tiles.tile(z, x, y);
    }

    @Override
    public int minZoom() {
      return tiles.minZoom();
    }

    @Override
    public int maxZoom() {
      return tiles.maxZoom();
    }

    @Override
    public String description() {
      return tiles.description();
    }

    @Override
    public void close() {
      closed = true;
      tiles.close();
    }
  }
}
