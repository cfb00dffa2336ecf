package io.cordon.app.track;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.LiveVehicles;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.locationtech.jts.geom.Coordinate;

/**
 * Opens the live map with three tankers (one speeding, one from an unbound terminal), the vehicle
 * panel and the replay of the demo track at its overspeed event, for looking at them (run under
 * Xvfb and take a screenshot).
 */
public final class TrackDemoMain {
  private TrackDemoMain() {}

  /** Not an Application itself, so it starts from a plain class path. */
  public static void main(String[] args) {
    Application.launch(Demo.class, args);
  }

  /** The demo application. */
  public static final class Demo extends Application {

  @Override
  public void start(Stage stage) {
    TrackDemoBackend backend = new TrackDemoBackend();
    ParkMapView map = new ParkMapView();
    map.setPark(TrackDemoBackend.PARK);
    Coordinate[] line = TrackDemoBackend.ROAD.line().getCoordinates();
    map.state().vehiclesProperty().set(new LiveVehicles() {
      @Override
      public long revision() {
        return 1;
      }

      @Override
      public void forEach(VehicleVisitor visitor) {
        forEachFlagged((p, c, cur, t, f) -> visitor.visit(p, c, cur, t));
      }

      @Override
      public void forEachFlagged(FlaggedVisitor visitor) {
        long now = System.currentTimeMillis();
        Coordinate a = TrackDemoBackend.along(line, 0.3);
        Coordinate b = TrackDemoBackend.along(line, 0.55);
        Coordinate c = TrackDemoBackend.along(line, 0.8);
        visitor.visit("苏E00001", VehicleClass.HAZMAT, new TrackPoint(a.x, a.y, 90, 30, now), List.of(), 0);
        visitor.visit(TrackDemoBackend.PLATE, VehicleClass.HAZMAT, new TrackPoint(b.x, b.y, 90, 62, now), List.of(),
            LiveVehicles.VIOLATING);
        visitor.visit("终端:013800138999", VehicleClass.HAZMAT, new TrackPoint(c.x, c.y, 180, 20, now), List.of(),
            LiveVehicles.UNBOUND);
      }
    });
    VehicleTracking tracking = new VehicleTracking(backend.client, new SimpleObjectProperty<>(TrackDemoBackend.PARK),
        new I18n(I18n.CHINESE), Executors.newSingleThreadScheduledExecutor(), Platform::runLater, Clock.systemUTC());
    tracking.install(map);
    Scene scene = new Scene(map, 700, 560);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.setX(0);
    stage.setY(0);
    stage.show();
    tracking.showPanel(TrackDemoBackend.PLATE);
    tracking.showReplay(TrackDemoBackend.PLATE);
    PauseTransition later = new PauseTransition(Duration.seconds(3));
    later.setOnFinished(e -> {
      var vm = tracking.replayView().viewModel();
      if (vm.events().size() > 1) {
        vm.jumpTo(vm.events().get(1));
      }
    });
    later.play();
    // side by side on a wide screen: live map, panel, replay
    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
      if (w instanceof Stage s && s != stage) {
        boolean panel = VehiclePanel.ID.equals(s.getScene().getRoot().getId());
        s.setX(panel ? 720 : 1200);
        s.setY(0);
      }
    }
  }
  }
}
