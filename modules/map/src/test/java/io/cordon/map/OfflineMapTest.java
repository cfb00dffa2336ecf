package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map needs no network: drawn with the network unreachable it looks exactly the same. */
@ExtendWith(ApplicationExtension.class)
class OfflineMapTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void rendersTheSameWithTheNetworkUnreachable(FxRobot robot) {
    WritableImage online = render(robot);
    WritableImage offline;
    NetworkUnreachableGuard guard = NetworkUnreachableGuard.install();
    try {
      offline = render(robot);
    } finally {
      guard.close();
    }
    assertThat(guard.attempts()).as("network attempts while offline").isEmpty();
    assertThat(differingPixels(online, offline)).isZero();
    assertThat(distinctColours(offline)).as("the plan is really drawn").isGreaterThan(5);
  }

  /** A fresh map with the park, shown, laid out and snapshotted. */
  private WritableImage render(FxRobot robot) {
    AtomicReference<ParkMapView> map = new AtomicReference<>();
    robot.interact(() -> {
      ParkMapView view = new ParkMapView();
      view.setPark(SampleLikePark.park());
      stage.setScene(new Scene(view, 800, 600));
      stage.show();
      map.set(view);
    });
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> {
      map.get().state().visibleProperty(LayerKind.ALARMS).set(false);
      image.set(map.get().snapshot(null, null));
    });
    return image.get();
  }

  private static long differingPixels(WritableImage a, WritableImage b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    PixelReader ra = a.getPixelReader();
    PixelReader rb = b.getPixelReader();
    long differing = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
          differing++;
        }
      }
    }
    return differing;
  }

  private static long distinctColours(WritableImage image) {
    PixelReader r = image.getPixelReader();
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < (int) image.getHeight(); y += 4) {
      for (int x = 0; x < (int) image.getWidth(); x += 4) {
        colours.add(r.getArgb(x, y));
      }
    }
    return colours.size();
  }
}
