package io.cordon.simulator.jt808;

import static io.cordon.simulator.jt808.LoopbackJt808Server.SAMPLE_PARK;
import static io.cordon.simulator.jt808.LoopbackJt808Server.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.jt808.Jt808Dialect;
import io.cordon.devices.jt808.Jt808Position;
import io.cordon.devices.jt808.Jt808PositionOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Jt808FleetTest {

  private final LoopbackJt808Server server = new LoopbackJt808Server();
  private final ParkPaths paths = new ParkPaths(SAMPLE_PARK);
  private Jt808Fleet fleet;

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    server.close();
  }

  /** Unbound, fast: 10 reports per wall second per terminal, {@code scale} sim seconds per wall second. */
  private Jt808FleetSettings settings(int terminals, double scale) {
    return Jt808FleetSettings.demo("127.0.0.1", server.port()).withTerminals(terminals).withBindAtGates(false)
        .withTiming(Duration.ofMillis(100), scale).withShares(0, 0, 0, 0).withSeed(7)
        .withReconnectDelay(Duration.ofMillis(200));
  }

  @Test
  void everyTerminalRegistersAuthenticatesAndReports() throws Exception {
    fleet = new Jt808Fleet(settings(20, 10), SAMPLE_PARK).start();

    await(() -> fleet.terminalNumbers().stream().allMatch(t -> !server.of(t).isEmpty()), Duration.ofSeconds(20));

    assertThat(fleet.stats().authenticated()).isEqualTo(20);
    assertThat(server.positions).allMatch(Jt808Position::authenticated);
    assertThat(fleet.terminalNumbers()).allMatch(t -> t.length() == 12);
  }

  @Test
  void terminalsSpeakingThe2019EditionAreServedToo() throws Exception {
    fleet = new Jt808Fleet(settings(3, 10).withDialect(Jt808Dialect.V2019), SAMPLE_PARK).start();

    await(() -> fleet.terminalNumbers().stream().allMatch(t -> !server.of(t).isEmpty()), Duration.ofSeconds(20));

    assertThat(fleet.terminalNumbers()).allMatch(t -> t.length() == 20);
  }

  @Test
  void compliantVehiclesStayOnTheRoadsOrTheAccessWaysWithinGpsNoise() throws Exception {
    fleet = new Jt808Fleet(settings(20, 30), SAMPLE_PARK).start();

    await(() -> server.positions.size() >= 2_000, Duration.ofSeconds(30));

    for (Jt808Position p : List.copyOf(server.positions)) {
      double x = paths.x(lonLat(p));
      double y = paths.y(lonLat(p));
      assertThat(Math.min(paths.distanceToRoads(x, y), distanceToAccessWays(x, y)))
          .as("%s at %.6f,%.6f", p.terminalNumber(), p.longitude(), p.latitude()).isLessThanOrEqualTo(31);
    }
  }

  @Test
  void speedingDriversGoMoreThan20KmhOverTheLimit() throws Exception {
    fleet = new Jt808Fleet(settings(6, 30).withShares(0, 1, 0, 0), SAMPLE_PARK).start();

    await(() -> server.byTerminal().size() == 6 && server.byTerminal().values().stream().allMatch(this::sped),
        Duration.ofSeconds(30));
  }

  @Test
  void compliantDriversKeepToTheLimits() throws Exception {
    fleet = new Jt808Fleet(settings(6, 30), SAMPLE_PARK).start();

    await(() -> server.positions.size() >= 600, Duration.ofSeconds(30));

    assertThat(server.byTerminal().values()).noneMatch(this::sped);
  }

  @Test
  void driversLosingSignalStopReportingValidFixesOrGoSilentAndCatchUpLater() throws Exception {
    fleet = new Jt808Fleet(settings(4, 60).withShares(0, 0, 0, 1), SAMPLE_PARK).start();
    List<String> numbers = fleet.terminalNumbers();

    await(() -> server.of(numbers.get(0)).stream().anyMatch(p -> !p.validFix())
        && server.of(numbers.get(2)).stream().anyMatch(p -> !p.validFix())
        && server.of(numbers.get(1)).stream().anyMatch(p -> p.origin() == Jt808PositionOrigin.BLIND_AREA)
        && server.of(numbers.get(3)).stream().anyMatch(p -> p.origin() == Jt808PositionOrigin.BLIND_AREA),
        Duration.ofSeconds(40));

    List<Jt808Position> invalid = server.of(numbers.get(0)).stream().filter(p -> !p.validFix()).toList();
    assertThat(invalid).allMatch(p -> p.satellites() != null && p.satellites() < 3);
  }

  @Test
  void afterAForcedDisconnectTheKeptFixesArriveAsBlindAreaBatchesAndNoneIsLost() throws Exception {
    fleet = new Jt808Fleet(settings(10, 20), SAMPLE_PARK).start();
    await(() -> fleet.stats().authenticated() == 10 && server.positions.size() > 100, Duration.ofSeconds(20));

    fleet.dropConnections();
    Thread.sleep(300);
    await(() -> fleet.stats().authenticated() == 10, Duration.ofSeconds(20));
    Thread.sleep(500);
    fleet.stopDriving();
    await(() -> fleet.stats().outstanding() == 0, Duration.ofSeconds(30));

    Jt808FleetStats stats = fleet.stats();
    assertThat(stats.fixesDropped()).isZero();
    assertThat(server.positions).anyMatch(p -> p.origin() == Jt808PositionOrigin.BLIND_AREA);
    assertThat(server.distinctFixes()).hasSize((int) stats.fixesGenerated());
  }

  @Test
  void reportsTheServerRefusesAreSentAgainUntilTaken() throws Exception {
    server.refusing.set(true);
    fleet = new Jt808Fleet(settings(3, 10), SAMPLE_PARK).start();
    await(() -> fleet.stats().retries() > 10, Duration.ofSeconds(20));

    server.refusing.set(false);
    fleet.stopDriving();
    await(() -> fleet.stats().outstanding() == 0, Duration.ofSeconds(30));

    assertThat(server.distinctFixes()).hasSize((int) fleet.stats().fixesGenerated());
  }

  @Test
  void theFleetSendsAboutItsConfiguredRate() throws Exception {
    // 50 terminals every 200 ms: 250 positions/s (a functional check, not a speed measurement)
    fleet = new Jt808Fleet(settings(50, 5).withTiming(Duration.ofMillis(200), 5), SAMPLE_PARK).start();
    await(() -> fleet.stats().authenticated() == 50, Duration.ofSeconds(20));
    Thread.sleep(500);

    int before = server.positions.size();
    Thread.sleep(2_000);
    int received = server.positions.size() - before;

    assertThat(received).isBetween(250, 750);
  }

  @Test
  void benchSettingsGiveTheRequestedTotalRateWithFixesOneSecondApart() {
    Jt808FleetSettings bench = Jt808FleetSettings.bench("127.0.0.1", 1, 2_000, 20_000);

    assertThat(bench.totalRate()).isCloseTo(20_000, org.assertj.core.data.Offset.offset(1.0));
    assertThat(bench.reportInterval().toNanos() / 1e9 * bench.timeScale()).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-6));
    assertThat(bench.simStart()).isBefore(Instant.now());
  }

  private boolean sped(List<Jt808Position> track) {
    return track.stream().filter(Jt808Position::validFix).anyMatch(p -> {
      double x = paths.x(lonLat(p));
      double y = paths.y(lonLat(p));
      return paths.nearestRoad(x, y).map(r -> p.speedKmh() > r.limitKmh() + 20).orElse(false);
    });
  }

  private static io.cordon.api.v1.LonLat lonLat(Jt808Position p) {
    return io.cordon.api.v1.LonLat.newBuilder().setLon(p.longitude()).setLat(p.latitude()).build();
  }

  /** Distance to the straight ways from the nearest road to each loading point and hazmat lot. */
  private double distanceToAccessWays(double x, double y) {
    double best = Double.MAX_VALUE;
    List<double[]> ends = new java.util.ArrayList<>();
    paths.loadingPoints().forEach(t -> ends.add(new double[] {t.x(), t.y()}));
    paths.hazmatLots().forEach(l -> ends.add(new double[] {l.x(), l.y()}));
    for (double[] end : ends) {
      ParkPaths.SimRoad road = paths.nearestRoad(end[0], end[1]).orElseThrow();
      for (ParkPaths.SimRoad r : List.of(road)) {
        double[] foot = r.line().pointAt(r.line().closest(end[0], end[1])[0]);
        best = Math.min(best, segmentDistance(x, y, foot, end));
      }
      // trips reach a loading point from the nearest hazmat road, which may not be the nearest road
      for (ParkPaths.SimRoad r : hazmatRoads()) {
        double[] foot = r.line().pointAt(r.line().closest(end[0], end[1])[0]);
        best = Math.min(best, segmentDistance(x, y, foot, end));
      }
    }
    return best;
  }

  private List<ParkPaths.SimRoad> hazmatRoads() {
    return SAMPLE_PARK.getRoadsList().stream()
        .filter(r -> r.getRoadClass() == io.cordon.api.v1.RoadClass.ROAD_CLASS_HAZMAT)
        .map(r -> paths.nearestRoad(paths.x(r.getLine().getPoints(0)), paths.y(r.getLine().getPoints(0)))
            .orElseThrow())
        .toList();
  }

  private static double segmentDistance(double x, double y, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
    return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
  }
}
