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
    int[] planOnly = settledRender(robot, null);
    assertThat(differing(online, planOnly)).as("the base map was really drawn").isGreaterThan(online.length / 4);
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
    TileSource source = tiles == null ? null : TileSources.open(tiles);
    robot.interact(() -> map.get().state().tilesProperty().set(source));
    // Settled: the same picture three times in a row, 200 ms apart (tiles load on worker threads).
    int[] previous = null;
    int same = 0;
    for (int i = 0; i < 100 && same < 2; i++) {
      Thread.sleep(200);
      WaitForAsyncUtils.waitForFxEvents();
      int[] now = pixels(robot, map.get());
      same = previous != null && Arrays.equals(previous, now) ? same + 1 : 0;
      previous = now;
    }
    if (same < 2) {
      throw new AssertionError("the tiles never settled");
    }
    robot.interact(() -> map.get().state().tilesProperty().set(null));
    return previous;
  }

  private static int differing(int[] a, int[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        n++;
      }
    }
    return n;
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
