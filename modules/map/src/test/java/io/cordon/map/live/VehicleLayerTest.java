package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.LayerKind;
import io.cordon.map.MapFeature;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class VehicleLayerTest {
  private static final double CENTRE_LON = (LivePark.W + LivePark.E) / 2;
  private static final double CENTRE_LAT = (LivePark.S + LivePark.N) / 2;

  private final TestVehicles vehicles = new TestVehicles();
  private ParkMapView map;
  private VehicleLayer layer;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(LivePark.park());
    map.state().vehiclesProperty().set(vehicles);
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private VehicleLayer layer(FxRobot robot) {
    if (layer == null) {
      layer = (VehicleLayer) robot.lookup(".vehicle-layer").query().getUserData();
    }
    return layer;
  }

  /** Lets a few pulses run; the layer checks for changes once per pulse. */
  private static void letPulsesRun() {
    WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void redrawsWhenTheRevisionChanges(FxRobot robot) {
    letPulsesRun();
    int before = layer(robot).redrawCount();

    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    letPulsesRun();

    assertThat(layer(robot).redrawCount()).isEqualTo(before + 1);
  }

  @Test
  void doesNotRedrawWhileNothingChanges(FxRobot robot) {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    letPulsesRun();
    int before = layer(robot).redrawCount();

    letPulsesRun();
    letPulsesRun();

    assertThat(layer(robot).redrawCount()).isEqualTo(before);
  }

  @Test
  void pulsingAlarmsOnTheSameCanvasDoNotMakeTheVehiclesRedraw(FxRobot robot) {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    robot.interact(() -> map.state().alarms().setAll(
        new AlarmMarker("A1", Severity.CRITICAL, CENTRE_LON, CENTRE_LAT, "周界入侵", 0)));
    letPulsesRun();
    int before = layer(robot).redrawCount();
    int alarmRedrawsBefore = layer(robot).alarms().redrawCount();

    letPulsesRun();
    letPulsesRun();

    assertThat(layer(robot).alarms().redrawCount()).isGreaterThan(alarmRedrawsBefore);
    assertThat(layer(robot).redrawCount()).isEqualTo(before);
    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(1);
  }

  @Test
  void redrawsWhenTheViewMoves(FxRobot robot) {
    letPulsesRun();
    int before = layer(robot).redrawCount();

    robot.interact(() -> map.state().moveTo(map.viewportProperty().get().panBy(30, 0)));
    letPulsesRun();

    assertThat(layer(robot).redrawCount()).isEqualTo(before + 1);
  }

  @Test
  void drawsOnlyTheVehiclesInsideTheView(FxRobot robot) {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    vehicles.put("苏A00002", VehicleClass.COMMUTER, CENTRE_LON + 0.001, CENTRE_LAT);
    vehicles.put("苏A00003", VehicleClass.ORDINARY, 119.5, CENTRE_LAT);
    letPulsesRun();
    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(2);

    // zoom in on the first vehicle's west side until the second is off screen
    robot.interact(() -> {
      MapViewport v = map.viewportProperty().get();
      double sx = v.screenX(map.state().context().x(CENTRE_LON));
      double sy = v.screenY(map.state().context().y(CENTRE_LAT));
      map.state().moveTo(v.zoomAt(40, sx, sy).panBy(map.getWidth() / 2 - sx + 200, 0));
    });
    letPulsesRun();

    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(1);
  }

  @Test
  void hidingTheVehiclesSwitchDrawsNoVehicle(FxRobot robot) {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    letPulsesRun();

    robot.interact(() -> map.state().visibleProperty(LayerKind.VEHICLES).set(false));
    letPulsesRun();

    assertThat(layer(robot).drawnVehicleCount()).isZero();
  }

  @Test
  void labelsPlatesOnlyWhenZoomedIn(FxRobot robot) {
    vehicles.put("苏A00001", VehicleClass.HAZMAT, CENTRE_LON, CENTRE_LAT);
    letPulsesRun();
    assertThat(layer(robot).drawnLabelCount()).isZero();

    robot.interact(() -> map.state().moveTo(map.viewportProperty().get()
        .zoomAt(VehicleLayer.LABEL_MIN_SCALE / map.viewportProperty().get().scale() * 1.1, 400, 300)));
    letPulsesRun();

    assertThat(layer(robot).drawnLabelCount()).isEqualTo(1);
  }

  @Test
  void labelsDoNotPileUpOnVehiclesStandingTogether(FxRobot robot) {
    for (int i = 0; i < 20; i++) {
      vehicles.put("苏A0000" + i, VehicleClass.ORDINARY, CENTRE_LON + i * 0.000002, CENTRE_LAT);
    }
    robot.interact(() -> map.state().moveTo(map.viewportProperty().get()
        .zoomAt(VehicleLayer.LABEL_MIN_SCALE / map.viewportProperty().get().scale() * 1.1, 400, 300)));
    letPulsesRun();

    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(20);
    assertThat(layer(robot).drawnLabelCount()).isEqualTo(1);
  }

  @Test
  void aCrowdAtAGateShowsManyLabelsTheSelectedOneAmongThem(FxRobot robot) {
    // 60 vehicles queueing on a 150 × 60 m patch, a few of them hazmat
    Random random = new Random(5);
    for (int i = 0; i < 60; i++) {
      vehicles.put(String.format("苏E%05d", 10_000 + 137 * i), i % 4 == 0 ? VehicleClass.HAZMAT : VehicleClass.ORDINARY,
          CENTRE_LON + (random.nextDouble() - 0.5) * 0.0016, CENTRE_LAT + (random.nextDouble() - 0.5) * 0.00055);
    }
    vehicles.put("苏E99999", VehicleClass.ORDINARY, CENTRE_LON, CENTRE_LAT);
    robot.interact(() -> {
      MapViewport v = map.viewportProperty().get();
      double sx = v.screenX(map.state().context().x(CENTRE_LON));
      double sy = v.screenY(map.state().context().y(CENTRE_LAT));
      map.state().moveTo(v.zoomAt(3.0 / v.scale(), sx, sy).panBy(400 - sx, 300 - sy));
      map.state().selectionProperty().set(
          new MapFeature(FeatureKind.VEHICLE, "苏E99999", "苏E99999", CENTRE_LON, CENTRE_LAT, null));
    });
    letPulsesRun();

    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(61);
    assertThat(layer(robot).drawnLabelCount()).isBetween(8, 60);
    assertThat(layer(robot).labelled("苏E99999")).isTrue();
    String png = System.getProperty("cordon.labelsPng");
    if (png != null) { // a picture for people: -Dcordon.labelsPng=/tmp/labels.png
      robot.interact(() -> writePng(map.snapshot(null, null), Path.of(png)));
    }
  }

  private static void writePng(WritableImage image, Path file) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
      }
    }
    try {
      ImageIO.write(out, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void trailsAreRedrawnWithTheViewButNotOnEveryLiveUpdate(FxRobot robot) {
    long now = System.currentTimeMillis();
    List<TrackPoint> trail = List.of(
        new TrackPoint(CENTRE_LON - 0.004, CENTRE_LAT, 90, 30, now - 60_000),
        new TrackPoint(CENTRE_LON - 0.002, CENTRE_LAT, 90, 30, now - 30_000));
    vehicles.put("苏A00001", VehicleClass.HAZMAT, new TrackPoint(CENTRE_LON, CENTRE_LAT, 90, 30, now), trail);
    letPulsesRun();
    int trailsBefore = layer(robot).trailRedrawCount();

    vehicles.put("苏A00002", VehicleClass.ORDINARY, CENTRE_LON, CENTRE_LAT + 0.001);
    letPulsesRun();
    assertThat(layer(robot).trailRedrawCount()).isEqualTo(trailsBefore);

    robot.interact(() -> map.state().moveTo(map.viewportProperty().get().panBy(10, 0)));
    letPulsesRun();
    assertThat(layer(robot).trailRedrawCount()).isEqualTo(trailsBefore + 1);
  }

  @Test
  void trailsGrowWithLiveUpdatesAndAreRebuiltWholeOnlyWhenTheViewMoves(FxRobot robot) {
    long now = System.currentTimeMillis();
    List<TrackPoint> trail = List.of(new TrackPoint(CENTRE_LON - 0.004, CENTRE_LAT, 90, 30, now - 60_000));
    vehicles.put("苏A00001", VehicleClass.HAZMAT, new TrackPoint(CENTRE_LON - 0.002, CENTRE_LAT, 90, 30, now), trail);
    letPulsesRun();
    int rebuildsBefore = layer(robot).trailRebuildCount();
    int redrawsBefore = layer(robot).trailRedrawCount();

    WaitForAsyncUtils.sleep(VehicleLayer.TRAIL_REFRESH_MILLIS + 100, TimeUnit.MILLISECONDS);
    vehicles.put("苏A00001", VehicleClass.HAZMAT, new TrackPoint(CENTRE_LON, CENTRE_LAT, 90, 30, now + 1_100),
        List.of(trail.get(0), new TrackPoint(CENTRE_LON - 0.002, CENTRE_LAT, 90, 30, now)));
    letPulsesRun();
    assertThat(layer(robot).trailRedrawCount()).isGreaterThan(redrawsBefore);
    assertThat(layer(robot).trailRebuildCount()).isEqualTo(rebuildsBefore);

    robot.interact(() -> map.state().moveTo(map.viewportProperty().get().panBy(10, 0)));
    letPulsesRun();
    assertThat(layer(robot).trailRebuildCount()).isEqualTo(rebuildsBefore + 1);
  }

  @Test
  void trailPointsFadeByAgeAndDisappearPastTheWindow() {
    long window = VehicleLayer.DEFAULT_TRAIL_MILLIS;
    assertThat(VehicleLayer.trailBucket(0, window)).isZero();
    assertThat(VehicleLayer.trailBucket(window - 1, window)).isEqualTo(VehicleLayer.TRAIL_BUCKETS - 1);
    assertThat(VehicleLayer.trailBucket(window + 1, window)).isEqualTo(-1);
    assertThat(VehicleLayer.trailAlpha(0)).isGreaterThan(VehicleLayer.trailAlpha(VehicleLayer.TRAIL_BUCKETS - 1));
  }
}
