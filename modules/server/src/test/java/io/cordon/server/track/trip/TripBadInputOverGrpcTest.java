package io.cordon.server.track.trip;

import static io.cordon.server.track.trip.TripCalls.TERMINAL;
import static io.cordon.server.track.trip.TripCalls.TRUCK;
import static io.cordon.server.track.trip.TripCalls.assertRefused;
import static io.cordon.server.track.trip.TripCalls.giveBack;
import static io.cordon.server.track.trip.TripCalls.issue;

import io.cordon.api.v1.GetParkingLotRequest;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.ListTripsRequest;
import io.cordon.api.v1.LoadingPointFreeRequest;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.SaveOwnTerminalRequest;
import io.cordon.api.v1.TrajectoryRequest;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad field of a TripService request is refused with INVALID_ARGUMENT naming it. */
class TripBadInputOverGrpcTest {

  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

  @TempDir
  static Path dir;
  private static TripServer server;

  /** One server for the whole table: no request here changes anything. */
  @BeforeAll
  static void start() {
    server = new TripServer(dir);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
    server = null;
  }

  static Stream<Arguments> badIssues() {
    return Stream.of(
        bad("request_id", b -> b.setRequestId("")),
        bad("request_id", b -> b.setRequestId("x".repeat(65))),
        bad("terminal_number", b -> b.setTerminalNumber("")),
        bad("terminal_number", b -> b.setTerminalNumber("01391234567")),
        bad("terminal_number", b -> b.setTerminalNumber("0139123456789")),
        bad("terminal_number", b -> b.setTerminalNumber("01391234567a")),
        bad("terminal_number", b -> b.setTerminalNumber("0".repeat(21))),
        bad("plate", b -> b.setPlate("")),
        bad("plate", b -> b.setPlate("ABC123")),
        bad("plate", b -> b.setPlate("苏E1234O")),
        bad("plate_color", b -> b.setPlateColor(PlateColor.PLATE_COLOR_UNSPECIFIED)),
        bad("permit_id", b -> b.setPermitId("")),
        bad("permit_id", b -> b.setPermitId("A".repeat(21))),
        bad("gate_id", b -> b.setGateId("")),
        bad("gate_id", b -> b.setGateId("G\u0001")));
  }

  private static Arguments bad(String field, Consumer<IssueTerminalRequest.Builder> change) {
    IssueTerminalRequest.Builder b = issue("r1", TERMINAL, TRUCK, "A-000001", "G2").toBuilder();
    change.accept(b);
    return Arguments.of(field, b.build());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badIssues")
  void badIssueIsRefusedNamingTheField(String field, IssueTerminalRequest request) {
    assertRefused(() -> server.stub().issueTerminal(request), Status.Code.INVALID_ARGUMENT, field);
  }

  @Test
  void returnWithATerminalNumberOfWrongLengthNamesIt() {
    assertRefused(() -> server.stub().returnTerminal(giveBack("r1", "12345", "G2")), Status.Code.INVALID_ARGUMENT,
        "terminal_number");
  }

  @Test
  void returnWithoutGateNamesIt() {
    assertRefused(() -> server.stub().returnTerminal(giveBack("r1", TERMINAL, "")), Status.Code.INVALID_ARGUMENT,
        "gate_id");
  }

  @Test
  void ownTerminalWithoutVehicleClassNamesIt() {
    assertRefused(() -> server.stub().saveOwnTerminal(SaveOwnTerminalRequest.newBuilder().setRequestId("o1")
        .setTerminalNumber(TERMINAL).setPlate(TRUCK).setPlateColor(PlateColor.PLATE_COLOR_YELLOW).build()),
        Status.Code.INVALID_ARGUMENT, "vehicle_class");
  }

  @Test
  void tripListReachingBackMoreThan30DaysNamesTheHours() {
    assertRefused(() -> server.stub().listTrips(ListTripsRequest.newBuilder().setClosedWithinHours(721).build()),
        Status.Code.INVALID_ARGUMENT, "closed_within_hours");
  }

  @Test
  void tripListOfAnInvalidPlateNamesIt() {
    assertRefused(() -> server.stub().listTrips(ListTripsRequest.newBuilder().setPlate("nope").build()),
        Status.Code.INVALID_ARGUMENT, "plate");
  }

  @Test
  void vehicleOfAnInvalidPlateNamesIt() {
    assertRefused(() -> server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate("nope").build()),
        Status.Code.INVALID_ARGUMENT, "plate");
  }

  @Test
  void unboundTerminalKeyWithAShortNumberNamesThePlate() {
    assertRefused(() -> server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate("终端:123").build()),
        Status.Code.INVALID_ARGUMENT, "plate");
  }

  @Test
  void unknownVehicleIsNotFound() {
    assertRefused(() -> server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate(TRUCK).build()),
        Status.Code.NOT_FOUND, "plate");
  }

  @Test
  void reversedTrajectoryRangeNamesTo() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0.minusSeconds(1), 0)), Status.Code.INVALID_ARGUMENT,
        "to");
  }

  @Test
  void emptyTrajectoryRangeNamesTo() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0, 0)), Status.Code.INVALID_ARGUMENT, "to");
  }

  @Test
  void trajectoryRangeOverADayNamesTo() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0.plus(Duration.ofHours(24)).plusSeconds(1), 0)),
        Status.Code.INVALID_ARGUMENT, "to");
  }

  @Test
  void trajectoryWithoutStartNamesFrom() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0.plusSeconds(60), 0).toBuilder().clearFrom().build()),
        Status.Code.INVALID_ARGUMENT, "from");
  }

  @Test
  void oversizedMaxPointsIsNamed() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0.plusSeconds(60), 20_001)),
        Status.Code.INVALID_ARGUMENT, "max_points");
  }

  @Test
  void trajectoryOfAnInvalidPlateNamesIt() {
    assertRefused(() -> server.stub().getTrajectory(range(T0, T0.plusSeconds(60), 0).toBuilder().setPlate("苏")
        .build()), Status.Code.INVALID_ARGUMENT, "plate");
  }

  @Test
  void unknownParkingLotIsNotFound() {
    assertRefused(() -> server.stub().getParkingLot(GetParkingLotRequest.newBuilder().setLotId("PL-9").build()),
        Status.Code.NOT_FOUND, "lot_id");
  }

  @Test
  void loadingPointOfAnUnknownEnterpriseIsNotFound() {
    assertRefused(() -> server.stub().reportLoadingPointFree(free("ENT-99", "LP1")), Status.Code.NOT_FOUND,
        "enterprise_id");
  }

  @Test
  void unknownLoadingPointIsNotFound() {
    assertRefused(() -> server.stub().reportLoadingPointFree(free("ENT-01", "LP7")), Status.Code.NOT_FOUND,
        "loading_point");
  }

  @Test
  void loadingPointReportWithoutLoadingPointNamesIt() {
    assertRefused(() -> server.stub().reportLoadingPointFree(free("ENT-01", "")), Status.Code.INVALID_ARGUMENT,
        "loading_point");
  }

  private static TrajectoryRequest range(Instant from, Instant to, int maxPoints) {
    return TrajectoryRequest.newBuilder().setPlate(TRUCK).setFrom(TripSeed.ts(from)).setTo(TripSeed.ts(to))
        .setMaxPoints(maxPoints).build();
  }

  private static LoadingPointFreeRequest free(String enterprise, String loadingPoint) {
    return LoadingPointFreeRequest.newBuilder().setRequestId("f1").setEnterpriseId(enterprise)
        .setLoadingPoint(loadingPoint).build();
  }
}
