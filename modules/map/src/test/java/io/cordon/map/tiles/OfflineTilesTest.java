package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.NetworkUnreachableGuard;
import io.cordon.map.ParkMapView;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With a local base map the map also needs no network: it draws the same with the network unreachable. */
@ExtendWith(ApplicationExtension.class)
class OfflineTilesTest {
  @TempDir Path dir;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void aMapWithAnMbtilesBaseLayerRendersTheSameWithTheNetworkUnreachable(FxRobot robot) throws Exception {
    Path file = TileFixtures.mbtiles(dir.resolve("park.mbtiles"), 12, 16, TilesTestPark.SURROUNDINGS, Map.of());
    int[] online = settledRender(robot, file);
    int[] offline;
    NetworkUnreachableGuard guard = NetworkUnreachableGuard.install();
    try {
      offline = settledRender(robot, file);
    } finally {
      guard.close();
    }
    assertThat(guard.attempts()).as("network attempts while offline").isEmpty();
    assertThat(Arrays.equals(online, offline)).as("same pixels").isTrue();
  }

  /** Renders a fresh map with the tiles and waits until the tiles are loaded (two equal frames). */
  private int[] settledRender(FxRobot robot, Path tiles) throws Exception {
    AtomicReference<ParkMapView> map = new AtomicReference<>();
    robot.interact(() -> {
      ParkMapView view = new ParkMapView();
      view.setPark(TilesTestPark.park());
      stage.setScene(new Scene(view, 640, 480));
      stage.show();
      map.set(view);
    });
    TileSource source = TileSources.open(tiles);
    robot.interact(() -> map.get().state().tilesProperty().set(source));
    int[] previous = null;
    for (int i = 0; i < 50; i++) {
      Thread.sleep(100);
      WaitForAsyncUtils.waitForFxEvents();
      int[] now = pixels(robot, map.get());
      if (previous != null && Arrays.equals(previous, now)) {
        robot.interact(() -> map.get().state().tilesProperty().set(null));
        return now;
      }
      previous = now;
    }
    throw new AssertionError("the tiles never settled");
  }

  private static int[] pixels(FxRobot robot, ParkMapView map) {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(map.snapshot(null, null)));
    int w = (int) image.get().getWidth();
    int h = (int) image.get().getHeight();
    int[] argb = new int[w * h];
    image.get().getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    return argb;
  }
}
