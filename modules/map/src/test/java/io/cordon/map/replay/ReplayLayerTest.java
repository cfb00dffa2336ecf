package io.cordon.map.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The replay layer draws the track in its speed colours, the events and the vehicle at the cursor. */
@ExtendWith(ApplicationExtension.class)
class ReplayLayerTest {
  private static final double W = 118.80;
  private static final double S = 32.10;
  private static final double E = 118.84;
  private static final double N = 32.13;
  private static final double LAT = 32.115;
  private static final double LIMIT = 40;

  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(park());
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  static Park park() {
    GeometryFactory geo = new GeometryFactory();
    Polygon area = geo.createPolygon(new Coordinate[] {
        new Coordinate(W, S), new Coordinate(E, S), new Coordinate(E, N), new Coordinate(W, N), new Coordinate(W, S)});
    return new Park("P-REPLAY", "回放测试园区", 1,
        List.of(new PerimeterSegment(new SegmentId("SEG"), PerimeterType.WALL, area.getExteriorRing())),
        List.of(new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, area)),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Four stretches west to east, five fixes 10 s apart each: within the limit, up to 10 over,
   * far over, and on a road without a known limit.
   */
  private static ReplayPath fourStretches() {
    double[][] speedAndLimit = {{30, LIMIT}, {46, LIMIT}, {65, LIMIT}, {30, 0}};
    List<ReplayPath.Fix> fixes = new ArrayList<>();
    int i = 0;
    for (double[] stretch : speedAndLimit) {
      for (int k = 0; k < 5; k++, i++) {
        fixes.add(new ReplayPath.Fix(lonOfFix(i), LAT, stretch[0], stretch[1], i * 10_000L));
      }
    }
    return new ReplayPath(fixes);
  }

  private static double lonOfFix(int i) {
    return 118.805 + i * 0.0015;
  }

  private ReplayLayer layer(FxRobot robot) {
    return (ReplayLayer) robot.lookup(".replay-layer").query().getUserData();
  }

  private WritableImage shot(FxRobot robot) {
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> {
      layer(robot).redrawNow();
      image[0] = map.snapshot(null, null);
    });
    return image[0];
  }

  private Color colourAt(WritableImage image, double lon, double lat) {
    MapViewport v = map.viewportProperty().get();
    int x = (int) Math.round(v.screenX(map.state().context().x(lon)));
    int y = (int) Math.round(v.screenY(map.state().context().y(lat)));
    return image.getPixelReader().getColor(x, y);
  }

  private static void assertColour(Color actual, Color expected) {
    assertThat(actual.getRed()).as("red of " + actual).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(0.08));
    assertThat(actual.getGreen()).as("green of " + actual).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(0.08));
    assertThat(actual.getBlue()).as("blue of " + actual).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(0.08));
  }

  @Test
  void theTrackIsGreenWithinTheLimitYellowJustOverRedFarOverAndGreyWithoutALimit(FxRobot robot) {
    robot.interact(() -> map.state().replay().pathProperty().set(fourStretches()));

    WritableImage image = shot(robot);

    // the middle fix of each stretch, away from the start and end discs
    assertColour(colourAt(image, lonOfFix(2), LAT), ReplayLayer.WITHIN);
    assertColour(colourAt(image, lonOfFix(7), LAT), ReplayLayer.SLIGHTLY_OVER);
    assertColour(colourAt(image, lonOfFix(12), LAT), ReplayLayer.OVER);
    assertColour(colourAt(image, lonOfFix(17), LAT), ReplayLayer.UNKNOWN);
  }

  @Test
  void theVehicleIsDrawnAtTheCursorInARingOfItsSpeedColour(FxRobot robot) {
    double cursorLat = LAT - 0.006; // off the track, so only the marker is there
    robot.interact(() -> {
      map.state().replay().pathProperty().set(fourStretches());
      map.state().replay().cursorProperty().set(new ReplayCursor(lonOfFix(10), cursorLat, 90, 65, LIMIT));
    });

    WritableImage image = shot(robot);

    assertColour(colourAt(image, lonOfFix(10), cursorLat), Color.WHITE); // the arrow
    MapViewport v = map.viewportProperty().get();
    int x = (int) Math.round(v.screenX(map.state().context().x(lonOfFix(10))));
    int y = (int) Math.round(v.screenY(map.state().context().y(cursorLat)));
    assertColour(image.getPixelReader().getColor(x, y - 15), ReplayLayer.OVER); // the ring, top
  }

  @Test
  void eventsAreMarkedWhereTheyHappened(FxRobot robot) {
    double eventLat = LAT + 0.006;
    robot.interact(() -> {
      map.state().replay().pathProperty().set(fourStretches());
      map.state().replay().markers().setAll(
          new ReplayMarker(ReplayMarker.Kind.VIOLATION_STARTED, lonOfFix(5), eventLat, "超速 58 km/h（限速 40）"),
          new ReplayMarker(ReplayMarker.Kind.OTHER, lonOfFix(15), eventLat, "驶入停车场"));
    });

    WritableImage image = shot(robot);

    assertColour(colourAt(image, lonOfFix(5), eventLat), ReplayLayer.OVER);
    assertColour(colourAt(image, lonOfFix(15), eventLat), ReplayLayer.markerColour(ReplayMarker.Kind.OTHER));
  }

  @Test
  void movingTheCursorRepaintsOnlyTheCursor(FxRobot robot) {
    robot.interact(() -> map.state().replay().pathProperty().set(fourStretches()));
    WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    int tracks = layer(robot).trackRedrawCount();
    int cursors = layer(robot).cursorRedrawCount();

    robot.interact(() -> map.state().replay().cursorProperty().set(new ReplayCursor(lonOfFix(3), LAT, 90, 30, LIMIT)));
    WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(layer(robot).cursorRedrawCount()).isGreaterThan(cursors);
    assertThat(layer(robot).trackRedrawCount()).isEqualTo(tracks);
  }

  @Test
  void anEmptyReplayDrawsNothing(FxRobot robot) {
    WritableImage before = shot(robot);
    robot.interact(() -> {
      map.state().replay().pathProperty().set(fourStretches());
      map.state().replay().clear();
    });

    WritableImage after = shot(robot);

    assertThat(colourAt(after, lonOfFix(12), LAT)).isEqualTo(colourAt(before, lonOfFix(12), LAT));
  }
}
