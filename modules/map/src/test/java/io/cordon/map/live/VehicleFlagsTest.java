package io.cordon.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Vehicles breaking a rule get a red ring, unbound terminals a mark of their own. */
@ExtendWith(ApplicationExtension.class)
class VehicleFlagsTest {
  private static final double LAT = (LivePark.S + LivePark.N) / 2;
  private static final double VIOLATOR_LON = 118.815;
  private static final double CLEAN_LON = 118.825;

  private final FlaggedVehicles vehicles = new FlaggedVehicles();
  private ParkMapView map;

  @Start
  void start(Stage stage) {
    map = new ParkMapView();
    map.setPark(LivePark.park());
    map.state().vehiclesProperty().set(vehicles);
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  /** Flags by plate; every vehicle heads east. */
  private static final class FlaggedVehicles implements LiveVehicles {
    final Map<String, double[]> at = new ConcurrentHashMap<>();
    final Map<String, Integer> flags = new ConcurrentHashMap<>();
    volatile long revision;

    void put(String plate, double lon, int flag) {
      at.put(plate, new double[] {lon, LAT});
      flags.put(plate, flag);
      revision++;
    }

    @Override
    public long revision() {
      return revision;
    }

    @Override
    public void forEach(VehicleVisitor visitor) {
      forEachFlagged((p, c, cur, trail, f) -> visitor.visit(p, c, cur, trail));
    }

    @Override
    public void forEachFlagged(FlaggedVisitor visitor) {
      at.forEach((plate, xy) -> visitor.visit(plate, VehicleClass.HAZMAT,
          new TrackPoint(xy[0], xy[1], 90, 30, System.currentTimeMillis()), List.of(), flags.get(plate)));
    }
  }

  private static void letPulsesRun() {
    WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private VehicleLayer layer(FxRobot robot) {
    return (VehicleLayer) robot.lookup(".vehicle-layer").query().getUserData();
  }

  /** The reddest pixel on a ring of radius 8..13 px round the vehicle. */
  private double redOfRing(FxRobot robot, double lon) {
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = map.snapshot(null, null));
    MapViewport v = map.viewportProperty().get();
    double sx = v.screenX(map.state().context().x(lon));
    double sy = v.screenY(map.state().context().y(LAT));
    double best = 0;
    for (int r = 8; r <= 13; r++) {
      for (int deg = 0; deg < 360; deg += 15) {
        int x = (int) Math.round(sx + r * Math.cos(Math.toRadians(deg)));
        int y = (int) Math.round(sy + r * Math.sin(Math.toRadians(deg)));
        Color c = shot[0].getPixelReader().getColor(x, y);
        best = Math.max(best, c.getRed() - Math.max(c.getGreen(), c.getBlue()));
      }
    }
    return best;
  }

  @Test
  void aVehicleBreakingARuleHasARedRingAndOthersDoNot(FxRobot robot) {
    vehicles.put("苏E00001", VIOLATOR_LON, LiveVehicles.VIOLATING);
    vehicles.put("苏E00002", CLEAN_LON, 0);
    letPulsesRun();

    assertThat(layer(robot).flaggedVehicleCount()).isEqualTo(1);
    assertThat(redOfRing(robot, VIOLATOR_LON)).isGreaterThan(0.6);
    assertThat(redOfRing(robot, CLEAN_LON)).isLessThan(0.3);
  }

  @Test
  void anUnboundTerminalIsMarked(FxRobot robot) {
    vehicles.put("终端:013800138999", VIOLATOR_LON, LiveVehicles.UNBOUND);
    letPulsesRun();

    assertThat(layer(robot).flaggedVehicleCount()).isEqualTo(1);
  }

  @Test
  void sourcesWithoutFlagsDrawNoRings(FxRobot robot) {
    TestVehicles plain = new TestVehicles().put("苏E00003", VehicleClass.HAZMAT, VIOLATOR_LON, LAT);
    robot.interact(() -> map.state().vehiclesProperty().set(plain));
    letPulsesRun();

    assertThat(layer(robot).drawnVehicleCount()).isEqualTo(1);
    assertThat(layer(robot).flaggedVehicleCount()).isZero();
  }
}
