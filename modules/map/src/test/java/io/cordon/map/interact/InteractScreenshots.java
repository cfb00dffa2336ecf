package io.cordon.map.interact;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.MapAction;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.AlarmMarker;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.locationtech.jts.geom.Envelope;

/**
 * Not a test: renders the map with the sample park under Xvfb and screenshots the interaction
 * overlays ({@code DISPLAY=:9N java ... InteractScreenshots$Run}), writing /tmp/interact-*.png.
 */
public final class InteractScreenshots extends Application {
  private static final String FOCUS_PARK_EDGE = "interact";
  private ParkMapView map;

  /** The entry point; a class that is not an Application, so JavaFX may sit on the class path. */
  public static final class Run {
    public static void main(String[] args) {
      Application.launch(InteractScreenshots.class, args);
    }
  }

  @Override
  public void start(Stage stage) throws Exception {
    Park park = SampleParkFile.read(SampleParkFile.locate());
    map = new ParkMapView();
    map.setPark(park);
    HandVehicles vehicles = new HandVehicles();
    Envelope bounds = new Envelope();
    park.zones().forEach(z -> bounds.expandToInclude(z.area().getEnvelopeInternal()));
    Random random = new Random(7);
    VehicleClass[] classes = VehicleClass.values();
    for (int i = 0; i < 60; i++) {
      vehicles.put(String.format("苏E%05d", 10000 + i * 137), classes[i % classes.length],
          bounds.getMinX() + random.nextDouble() * bounds.getWidth(),
          bounds.getMinY() + random.nextDouble() * bounds.getHeight());
    }
    map.state().vehiclesProperty().set(vehicles);
    Gate first = park.gates().get(0);
    map.state().gateStates().put(first.id(), GateState.OPEN);
    park.gates().stream().skip(1).forEach(g -> map.state().gateStates().put(g.id(), GateState.CLOSED));
    park.parkingLots().forEach(l -> map.state().lotOccupancy().put(l.id(), l.capacity() * 3 / 4));
    map.state().alarms().add(new AlarmMarker("ALM-1", Severity.CRITICAL, park.sensors().get(5).position().getX(),
        park.sensors().get(5).position().getY(), "周界入侵报警", System.currentTimeMillis()));
    map.state().actionsProperty().set(f -> f.kind() == FeatureKind.CAMERA
        ? List.of(MapAction.of("在视频墙显示", () -> {}), MapAction.disabled("云台控制", "该摄像机不支持云台"))
        : f.kind() == FeatureKind.GATE
            ? List.of(MapAction.of("开闸…", () -> {}), MapAction.disabled("关闸…", "无权限：需要值班长"))
            : List.of());
    stage.setScene(new Scene(map, 1500, 920));
    stage.setTitle(FOCUS_PARK_EDGE);
    stage.setX(0);
    stage.setY(0);
    stage.show();
    Thread script = new Thread(() -> script(park), "screenshots");
    script.setDaemon(true);
    script.start();
  }

  private void script(Park park) {
    try {
      pause(1500);
      Gate gate = park.gates().get(0);
      fx(() -> hoverAt(gate.position().getX(), gate.position().getY()));
      pause(600);
      shoot("overview");

      fx(() -> {
        map.interaction().search().field().requestFocus();
        map.interaction().search().field().setText("南");
      });
      pause(500);
      shoot("search");
      fx(() -> map.interaction().search().field().setText("苏E1"));
      pause(500);
      shoot("search-plate");

      fx(() -> {
        map.interaction().search().field().clear();
        map.requestFocus();
        map.focus(FeatureIndex.gate(gate));
      });
      pause(1200);
      shoot("focus-gate");

      fx(() -> map.interaction().layers().setOpen(true));
      pause(400);
      shoot("layers");
      fx(() -> map.interaction().layers().setOpen(false));

      var camera = park.cameras().get(0);
      fx(() -> map.focus(FeatureIndex.camera(camera)));
      pause(1000);
      fx(() -> {
        MapContext c = map.state().context();
        MapViewport v = map.viewportProperty().get();
        double x = v.screenX(c.x(camera.position().getX()));
        double y = v.screenY(c.y(camera.position().getY()));
        var s = map.localToScreen(x, y);
        map.interaction().menu().show(map, FeatureIndex.camera(camera), s.getX(), s.getY());
      });
      pause(500);
      shoot("menu");
      fx(() -> map.interaction().menu().hide());

      MapFeature vehicle = map.featureIndex().search("苏E1", 1).get(0);
      fx(() -> map.focus(vehicle));
      pause(1200);
      shoot("vehicle");

      fx(() -> {
        map.state().highlightProperty().set(null);
        map.state().selectionProperty().set(null);
        map.fitToPark();
        map.state().moveTo(map.viewportProperty().get().zoomAt(3, 1500 * 0.55, 920 * 0.6));
      });
      pause(800);
      shoot("zoomed");
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      Platform.exit();
    }
  }

  private void hoverAt(double lon, double lat) {
    MapContext c = map.state().context();
    MapViewport v = map.viewportProperty().get();
    double x = v.screenX(c.x(lon));
    double y = v.screenY(c.y(lat));
    var s = map.localToScreen(x, y);
    Event.fireEvent(map, new MouseEvent(map, map, MouseEvent.MOUSE_MOVED, x, y, s.getX(), s.getY(),
        MouseButton.NONE, 0, false, false, false, false, false, false, false, true, false, false, null));
  }

  private static void fx(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        r.run();
      } finally {
        done.countDown();
      }
    });
    done.await();
  }

  private static void pause(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  private static void shoot(String name) throws Exception {
    String file = "/tmp/interact-" + name + ".png";
    new ProcessBuilder("import", "-window", "root", file).inheritIO().start().waitFor();
    System.out.println("wrote " + file);
  }
}
