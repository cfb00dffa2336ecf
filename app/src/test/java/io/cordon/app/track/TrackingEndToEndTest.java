package io.cordon.app.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.api.v1.ActiveViolation;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.ListTripsRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.api.v1.Trip;
import io.cordon.client.connection.ServerConnection;
import io.cordon.client.track.GoodsLine;
import io.cordon.client.track.PersonLine;
import io.cordon.client.track.ReplayTrack;
import io.cordon.client.track.TrackErrors;
import io.cordon.client.track.TrajectoryReplayViewModel;
import io.cordon.client.track.TripTracking;
import io.cordon.client.track.VehiclePanelViewModel;
import io.cordon.client.track.ViolationLine;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.live.LiveVehicles;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hazmat tracking end to end, in the whole client (embedded server + park simulator): the
 * simulator's JT/T 808 demo fleet and two terminals of this test's own speak real JT/T 808 frames
 * over TCP to the server's JT/T 808 port; the app shows what comes of them on its live map, in its
 * vehicle panel and in its trajectory replay, and each is held to what a plain gRPC TripService
 * client (signed in as admin) gets from the same server.
 *
 * <p>One terminal ("tanker") is issued at gate G2 to the tanker of an approved hazmat delivery
 * (gasoline UN1203, driver and escort) — its trip is open; the other ("stray") is bound to nothing.
 * Both press SOS (alarm bit 0) when a test needs a rule broken for certain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackingEndToEndTest {
  /**
   * The demo fleet needs its first minute or so to find permits, open trips at the gates and store
   * a few fixes: its tests run last, the others use that time (each test stands on its own).
   */
  private static final int FLEET = Integer.MAX_VALUE;
  private static final String TANKER_TERMINAL = "014700000001";
  private static final String STRAY_TERMINAL = "014700000002";
  private static final String FLEET_PREFIX = "0139"; // Jt808FleetSettings.DEMO_FIRST_TERMINAL
  private static final String UNKNOWN_PLATE = "苏Z00001";
  /** Fixes older than this are stored for sure (reports every 5 s, answered once stored). */
  private static final long SETTLED_SECONDS = 10;

  @TempDir static Path dataDir;
  @TempDir static Path configDir;

  private static TrackingApp app;
  private static FxRobot robot;
  private static ServerConnection admin;
  private static SocketTerminal tanker;
  private static SocketTerminal stray;
  private static HazmatDelivery delivery;
  private static Road road;

  @BeforeAll
  static void start() throws Exception {
    app = TrackingApp.start(dataDir, configDir);
    robot = app.robot();
    admin = app.signedIn("admin");
    road = ParkFileLoader.loadSample().roads().stream().filter(r -> r.roadClass() == RoadClass.HAZMAT)
        .max(Comparator.comparingDouble(r -> r.line().getLength())).orElseThrow();
    tanker = new SocketTerminal(app.jt808Port(), TANKER_TERMINAL).logIn();
    delivery = HazmatDelivery.issue(app, TANKER_TERMINAL);
    stray = new SocketTerminal(app.jt808Port(), STRAY_TERMINAL).logIn();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (tanker != null) {
        tanker.close();
      }
      if (stray != null) {
        stray.close();
      }
      if (app != null) {
        app.close();
      }
    } finally {
      // the class outlives its tests in the surefire JVM: let the whole client and server go
      app = null;
      robot = null;
      admin = null;
      tanker = null;
      stray = null;
      delivery = null;
    }
  }

  // ---- the live map -----------------------------------------------------------------------------

  @Test
  @Order(FLEET)
  void aFleetVehicleOnAnOpenTripIsOnTheLiveMapWithItsPlateClassTerminalAndTrip() throws Exception {
    AtomicReference<Trip> found = new AtomicReference<>();
    TrackingApp.waitFor("a trip of the demo fleet on the map", () -> {
      for (Trip trip : openTrips()) {
        if (trip.getTerminalNumber().startsWith(FLEET_PREFIX) && onMap(trip.getPlate()).isPresent()) {
          found.set(trip);
          return true;
        }
      }
      return false;
    });
    Trip trip = found.get();

    MapVehicle shown = onMap(trip.getPlate()).orElseThrow();
    assertThat(shown.vehicleClass()).isEqualTo(VehicleClass.HAZMAT);
    assertThat(shown.flags() & LiveVehicles.UNBOUND).isZero();
    TripTracking tracking = app.app().vehicles().find(trip.getPlate()).orElseThrow().tracking();
    assertThat(tracking.tripId()).isEqualTo(trip.getTripId());
    assertThat(tracking.terminalNumber()).isEqualTo(trip.getTerminalNumber());
    assertThat(tracking.permitId()).isEqualTo(trip.getPermitId());
  }

  @Test
  void theTankerOnItsTripIsFlaggedViolatingOnTheMapWhileTheServerHoldsItsSos() throws Exception {
    tanker.report(lon(0), lat(0), 25, SocketTerminal.SOS);

    TrackingApp.waitFor("the tanker violating on the map", () -> onMap(delivery.plate())
        .filter(v -> (v.flags() & LiveVehicles.VIOLATING) != 0).isPresent());
    MapVehicle shown = onMap(delivery.plate()).orElseThrow();
    assertThat(shown.vehicleClass()).isEqualTo(VehicleClass.HAZMAT);
    assertThat(shown.flags() & LiveVehicles.UNBOUND).isZero();
    TripTracking tracking = app.app().vehicles().find(delivery.plate()).orElseThrow().tracking();
    assertThat(tracking.tripId()).isEqualTo(delivery.trip().getTripId());
    assertThat(tracking.violations()).contains("TERMINAL_ALARM");
    assertThat(rules(vehicle(delivery.plate()))).contains("TERMINAL_ALARM");

    tanker.report(lon(5), lat(5), 25, 0);

    // other rules of the real server may hold meanwhile (the tanker is early for its window): the
    // flag follows whatever the server holds, and the SOS is gone from both
    TrackingApp.waitFor("the SOS gone from the map", () -> !app.app().vehicles().find(delivery.plate())
        .orElseThrow().tracking().violations().contains("TERMINAL_ALARM"));
    assertThat(rules(vehicle(delivery.plate()))).doesNotContain("TERMINAL_ALARM");
    TripTracking after = app.app().vehicles().find(delivery.plate()).orElseThrow().tracking();
    assertThat((onMap(delivery.plate()).orElseThrow().flags() & LiveVehicles.VIOLATING) != 0)
        .isEqualTo(after.violating());
  }

  @Test
  void aTerminalBoundToNoVehicleIsFlaggedUnboundAndViolatingOnlyWhileItsSosIsOn() throws Exception {
    String key = "终端:" + STRAY_TERMINAL;
    stray.report(lon(40), lat(40), 15, SocketTerminal.SOS);

    TrackingApp.waitFor("the stray terminal on the map",
        () -> onMap(key).filter(v -> v.flags() == (LiveVehicles.UNBOUND | LiveVehicles.VIOLATING)).isPresent());
    assertThat(onMap(key).orElseThrow().vehicleClass()).isEqualTo(VehicleClass.HAZMAT);
    TrackedVehicle server = vehicle(key);
    assertThat(server.getUnbound()).isTrue();
    assertThat(rules(server)).containsExactly("TERMINAL_ALARM");

    stray.report(lon(45), lat(45), 15, 0);

    TrackingApp.waitFor("the stray terminal no longer violating",
        () -> onMap(key).filter(v -> v.flags() == LiveVehicles.UNBOUND).isPresent());
    assertThat(vehicle(key).getViolationsList()).isEmpty();
  }

  // ---- the vehicle panel ------------------------------------------------------------------------

  @Test
  void theVehiclePanelShowsThePermitGoodsCrewAndRuleStateTheServerHolds() throws Exception {
    tanker.report(lon(10), lat(10), 25, SocketTerminal.SOS);
    TrackingApp.waitFor("the SOS on the server", () -> rules(vehicle(delivery.plate())).contains("TERMINAL_ALARM"));

    robot.interact(() -> app.app().vehicleTracking().showPanel(delivery.plate()));
    VehiclePanelViewModel panel = app.app().vehicleTracking().panelViewModel();
    // the server's rules may change under way (the tanker is early for its window): refresh until
    // the panel shows what the server holds right after
    AtomicReference<TrackedVehicle> server = new AtomicReference<>();
    TrackingApp.waitFor("the panel to show the server's state", () -> {
      if (!panel.loadedProperty().get() || panel.loadingProperty().get()) {
        return false;
      }
      server.set(vehicle(delivery.plate()));
      if (rulesOf(panel).equals(rules(server.get()))) {
        return true;
      }
      robot.interact(panel::refresh);
      return false;
    });
    TrackedVehicle expected = server.get();

    assertThat(panel.errorKeyProperty().get()).isEmpty();
    assertThat(panel.plateProperty().get()).isEqualTo(expected.getPlate()).isEqualTo(delivery.plate());
    assertThat(panel.vehicleClassProperty().get()).isEqualTo(VehicleClass.HAZMAT);
    assertThat(panel.unboundProperty().get()).isFalse();
    assertThat(panel.terminalNumberProperty().get()).isEqualTo(expected.getTrip().getTerminalNumber())
        .isEqualTo(TANKER_TERMINAL);
    assertThat(panel.tripIdProperty().get()).isEqualTo(expected.getTrip().getTripId())
        .isEqualTo(delivery.trip().getTripId());
    assertThat(panel.tripOpenProperty().get()).isTrue();
    assertThat(panel.permitIdProperty().get()).isEqualTo(expected.getPermit().getPermitId())
        .isEqualTo(delivery.approved().getPermitId());
    assertThat(panel.permitFromProperty().get()).isEqualTo(instant(expected.getPermit().getWindow().getFrom()));
    assertThat(panel.permitUntilProperty().get()).isEqualTo(instant(expected.getPermit().getWindow().getUntil()));
    assertThat(panel.routeProperty().get()).isEqualTo(expected.getPermit().getRouteId());
    assertThat(panel.hostProperty().get()).isEqualTo(expected.getHostEnterpriseName()).isNotEmpty();
    assertThat(panel.goods()).containsExactlyElementsOf(goodsLines(expected.getGoodsList()));
    assertThat(panel.goods()).containsExactlyElementsOf(goodsLines(delivery.approved().getContent().getGoodsList()));
    assertThat(panel.driverProperty().get()).isEqualTo(person(expected.getDriver()));
    assertThat(panel.escortProperty().get()).isEqualTo(person(expected.getEscort()));
    assertThat(panel.violations()).extracting(ViolationLine::rule).contains("TERMINAL_ALARM");

    List<String> shown = labels("#" + VehiclePanel.ID + " .label");
    assertThat(labels("#" + VehiclePanel.GOODS_ID + " .label")).containsExactly("UN1203 汽油 3类 28.5 t");
    assertThat(shown).contains(delivery.plate(), "危险物品运输车辆", TANKER_TERMINAL, delivery.approved().getPermitId(),
        "王建国 13912345678", "李明 13712345678", "终端报警");
  }

  @Test
  void anUnknownPlateGetsTheNotFoundMessageInThePanel() throws Exception {
    assertThatThrownBy(() -> vehicle(UNKNOWN_PLATE)).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

    robot.interact(() -> app.app().vehicleTracking().showPanel(UNKNOWN_PLATE));
    VehiclePanelViewModel panel = app.app().vehicleTracking().panelViewModel();
    TrackingApp.waitFor("the panel's answer", () -> !panel.loadingProperty().get()
        && !panel.errorKeyProperty().get().isEmpty());

    assertThat(panel.errorKeyProperty().get()).isEqualTo(TrackErrors.NOT_FOUND);
    assertThat(panel.loadedProperty().get()).isFalse();
    assertThat(robot.lookup("#" + VehiclePanel.PLATE_ID).queryAs(Label.class).getText()).isEqualTo(UNKNOWN_PLATE);
    assertThat(labels("#" + VehiclePanel.ID + " .dialog-error")).containsExactly("没有这辆车的定位记录");
    assertThat(labels("#" + VehiclePanel.GOODS_ID + " .label")).containsExactly("—");
  }

  // ---- trajectory replay ------------------------------------------------------------------------

  @Test
  void theReplayOfTheTankerGetsItsStoredTrajectoryDrawsItAndItsControlsMoveTheCursor() throws Exception {
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(tanker.report(lon(20 + 5 * i), lat(20 + 5 * i), 30, 0));
    }

    robot.interact(() -> app.app().vehicleTracking().showReplay(delivery.plate()));
    ReplayView view = app.app().vehicleTracking().replayView();
    TrajectoryReplayViewModel replay = view.viewModel();
    TrackingApp.waitFor("the tanker's track", () -> !replay.loadingProperty().get()
        && !replay.trackProperty().get().isEmpty());
    Trajectory stored = trajectory(delivery.plate(), replay.fromProperty().get(), replay.toProperty().get());

    ReplayTrack track = replay.trackProperty().get();
    List<Instant> inRange = sent.stream().filter(t -> t.isBefore(replay.toProperty().get())).toList();
    assertThat(inRange).hasSizeGreaterThanOrEqualTo(sent.size() - 1);
    assertThat(stored.getPointsCount()).isGreaterThanOrEqualTo(inRange.size());
    assertThat(track.size()).isEqualTo(stored.getPointsCount());
    assertThat(replay.storedPointsProperty().get()).isEqualTo(stored.getStoredPoints());
    assertThat(Instant.ofEpochMilli(track.startMillis())).isEqualTo(instant(stored.getPoints(0).getTime()));
    assertThat(Instant.ofEpochMilli(track.endMillis()))
        .isEqualTo(instant(stored.getPoints(stored.getPointsCount() - 1).getTime()));
    assertThat(track.points()).extracting(p -> Instant.ofEpochMilli(p.epochMillis())).containsAll(inRange);
    assertThat(replay.events()).hasSize(stored.getEventsCount());
    assertThat(view.map().state().replay().pathProperty().get().fixes()).hasSize(track.size());
    assertThat(view.map().state().replay().cursorProperty().get()).isNotNull();
    assertThat(replay.cursorProperty().get()).isEqualTo(Instant.ofEpochMilli(track.startMillis()));

    // ×1: play moves the cursor, the same button pauses
    Button play = robot.lookup("#" + ReplayView.PLAY_ID).queryButton();
    robot.clickOn(play);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(replay.playingProperty().get()).isTrue();
    assertThat(play.getText()).isEqualTo("暂停");
    TrackingApp.waitFor("the cursor to move", () -> replay.cursorProperty().get().toEpochMilli() > track.startMillis());
    robot.clickOn(play);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(replay.playingProperty().get()).isFalse();
    assertThat(play.getText()).isEqualTo("播放");

    // the step buttons and the slider put the cursor on a fix and at a time
    robot.interact(replay::stepForward);
    assertThat(track.points()).extracting(p -> p.epochMillis()).contains(replay.cursorProperty().get().toEpochMilli());
    Slider slider = robot.lookup("#" + ReplayView.SLIDER_ID).queryAs(Slider.class);
    robot.interact(() -> slider.setValue(1_000));
    assertThat(replay.cursorProperty().get()).isEqualTo(Instant.ofEpochMilli(track.startMillis() + 1_000));

    // ×16 chosen in the speed box plays on to the end of the track, where the replay stops
    robot.interact(() -> robot.lookup("#" + ReplayView.SPEED_ID).queryAs(ComboBox.class).setValue(16));
    assertThat(replay.speedProperty().get()).isEqualTo(16);
    robot.clickOn(play);
    TrackingApp.waitFor("the end of the track", () -> !replay.playingProperty().get()
        && replay.cursorProperty().get().toEpochMilli() == track.endMillis());
    assertThat(view.map().state().replay().cursorProperty().get().lon())
        .isEqualTo(track.points().get(track.size() - 1).lon());
  }

  @Test
  @Order(FLEET)
  void theReplayOfAFleetVehicleGetsTheTrajectoryTheServerStoredFromTheSimulatorsFrames() throws Exception {
    AtomicReference<String> plate = new AtomicReference<>();
    TrackingApp.waitFor("a fleet vehicle with a few stored fixes", () -> {
      for (Trip trip : openTrips()) {
        if (trip.getTerminalNumber().startsWith(FLEET_PREFIX)
            && trajectory(trip.getPlate(), Instant.now().minusSeconds(3600),
                Instant.now().minusSeconds(SETTLED_SECONDS)).getStoredPoints() >= 3) {
          plate.set(trip.getPlate());
          return true;
        }
      }
      return false;
    });

    robot.interact(() -> app.app().vehicleTracking().showReplay(plate.get()));
    TrajectoryReplayViewModel replay = app.app().vehicleTracking().replayView().viewModel();
    TrackingApp.waitFor("the last hour of the fleet vehicle", () -> !replay.loadingProperty().get()
        && replay.loadedPlateProperty().get().equals(plate.get()));
    // then a range that ended a while ago, loaded with the button: fixes still on their way (the
    // fleet's fix times run up to half a report interval ahead) cannot slip in between the two reads
    Instant to = Instant.now().minusSeconds(SETTLED_SECONDS);
    robot.interact(() -> replay.toProperty().set(to));
    robot.clickOn("#" + ReplayView.LOAD_ID);
    TrackingApp.waitFor("the fleet vehicle's track", () -> !replay.loadingProperty().get());
    assertThat(replay.toProperty().get()).isEqualTo(to);
    Trajectory stored = trajectory(plate.get(), replay.fromProperty().get(), to);

    ReplayTrack track = replay.trackProperty().get();
    assertThat(track.size()).isEqualTo(stored.getPointsCount()).isGreaterThanOrEqualTo(3);
    assertThat(Instant.ofEpochMilli(track.startMillis())).isEqualTo(instant(stored.getPoints(0).getTime()));
    assertThat(Instant.ofEpochMilli(track.endMillis()))
        .isEqualTo(instant(stored.getPoints(stored.getPointsCount() - 1).getTime()));
    assertThat(replay.maxSpeedKmhProperty().get()).isEqualTo(stored.getMaxSpeedKmh());
    assertThat(app.app().vehicleTracking().replayView().map().state().replay().pathProperty().get().fixes())
        .hasSize(track.size());
  }

  @Test
  void anUnknownPlateGetsTheNoFixesMessageInTheReplay() throws Exception {
    robot.interact(() -> app.app().vehicleTracking().showReplay(UNKNOWN_PLATE));
    TrajectoryReplayViewModel replay = app.app().vehicleTracking().replayView().viewModel();
    TrackingApp.waitFor("the replay's answer", () -> !replay.loadingProperty().get()
        && replay.loadedPlateProperty().get().equals(UNKNOWN_PLATE));

    assertThat(trajectory(UNKNOWN_PLATE, replay.fromProperty().get(), replay.toProperty().get()).getPointsCount())
        .isZero();
    assertThat(replay.errorKeyProperty().get()).isEqualTo(TrajectoryReplayViewModel.ERROR_EMPTY);
    assertThat(robot.lookup("#" + ReplayView.MESSAGE_ID).queryAs(Label.class).getText()).isEqualTo("该时段内没有定位记录");
    assertThat(robot.lookup("#" + ReplayView.PLAY_ID).queryButton().isDisabled()).isTrue();
    assertThat(app.app().vehicleTracking().replayView().map().state().replay().pathProperty().get().fixes()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A vehicle as the app's live map reads it. */
  private record MapVehicle(String plate, VehicleClass vehicleClass, int flags) {}

  private static Optional<MapVehicle> onMap(String plate) {
    AtomicReference<MapVehicle> found = new AtomicReference<>();
    app.app().mainWindow().mapPanel().map().state().vehiclesProperty().get()
        .forEachFlagged((p, vehicleClass, current, trail, flags) -> {
          if (p.equals(plate)) {
            found.set(new MapVehicle(p, vehicleClass, flags));
          }
        });
    return Optional.ofNullable(found.get());
  }

  private static List<Trip> openTrips() {
    return TrackingApp.trips(admin).listTrips(ListTripsRequest.getDefaultInstance()).getTripsList();
  }

  private static TrackedVehicle vehicle(String plate) {
    return TrackingApp.trips(admin).getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate(plate).build());
  }

  private static Trajectory trajectory(String plate, Instant from, Instant to) {
    return TrackingApp.trips(admin).getTrajectory(TrajectoryRequest.newBuilder().setPlate(plate)
        .setFrom(timestamp(from)).setTo(timestamp(to)).build());
  }

  private static Set<String> rules(TrackedVehicle vehicle) {
    return vehicle.getViolationsList().stream().map(ActiveViolation::getRule).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> rulesOf(VehiclePanelViewModel panel) {
    return panel.violations().stream().map(ViolationLine::rule).collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the panel should make of the server's goods: "UN1203", "汽油", "3", "28.5", "t". */
  private static List<GoodsLine> goodsLines(List<Goods> goods) {
    return goods.stream().map(g -> new GoodsLine(g.getUnNumber(), g.getName(), g.getHazardClass(), g.getAmount(),
        g.getUnit() == io.cordon.api.v1.QuantityUnit.QUANTITY_UNIT_TONNE ? "t" : g.getUnit().name(), g.getWasteCode()))
        .toList();
  }

  private static PersonLine person(RegistryPerson p) {
    return new PersonLine(p.getPersonId(), p.getName(), p.getPhone());
  }

  private static List<String> labels(String query) {
    List<String> texts = new ArrayList<>();
    robot.interact(() -> {
      for (Node n : robot.lookup(query).queryAll()) {
        if (n instanceof Label l && l.isVisible()) {
          texts.add(l.getText());
        }
      }
    });
    return texts;
  }

  /**
   * Along the park's longest hazmat road from its middle vertex, {@code metres} on (roughly). The tanker's
   * fixes all lie within 50 m of each other: tests run in any order, a terminal reports at most once a second,
   * and the server drops a fix implying more than 200 km/h from the one before as a jump (70 m in a second
   * after a quick replay test did, and the SOS never reached the map).
   */
  private static double lon(double metres) {
    return along(metres).x;
  }

  private static double lat(double metres) {
    return along(metres).y;
  }

  private static Coordinate along(double metres) {
    Coordinate[] c = road.line().getCoordinates();
    int i = Math.min(c.length / 2, c.length - 2);
    Coordinate a = c[i];
    Coordinate b = c[i + 1];
    double dx = (b.x - a.x) * 111_320 * Math.cos(Math.toRadians(a.y));
    double dy = (b.y - a.y) * 111_320;
    double f = Math.min(1, metres / Math.max(1, Math.hypot(dx, dy)));
    return new Coordinate(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y));
  }

  private static com.google.protobuf.Timestamp timestamp(Instant t) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
