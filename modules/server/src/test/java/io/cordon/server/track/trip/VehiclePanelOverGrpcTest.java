package io.cordon.server.track.trip;

import static io.cordon.server.track.trip.TripCalls.TERMINAL;
import static io.cordon.server.track.trip.TripCalls.TRUCK;
import static io.cordon.server.track.trip.TripCalls.giveBack;
import static io.cordon.server.track.trip.TripCalls.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.GetParkingLotRequest;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.ListTerminalsRequest;
import io.cordon.api.v1.LoadingPointFreeRequest;
import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TrackedVehicle;
import io.cordon.api.v1.TripState;
import io.cordon.api.v1.VehiclePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vehicle panel, the terminal list and the parking lot over gRPC, merged with the live state. */
class VehiclePanelOverGrpcTest {

  @TempDir
  Path dir;
  private TripServer server;

  @BeforeEach
  void start() {
    server = new TripServer(dir);
    Instant now = Instant.now();
    new TripSeed(server.database).enterprise(TripSeed.HOST, TripSeed.HOST_NAME).permit(TripSeed.hazmatPermit(
        "A-000001", TRUCK, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8))));
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void panelMergesTripPermitGoodsPeopleAndHostWithTheLiveState() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.live.vehicles.put(TRUCK, TrackedVehicle.newBuilder().setPlate(TRUCK).setRoad("R-02").setSpeedLimitKmh(30)
        .setCurrent(VehiclePosition.newBuilder().setSpeedKmh(25)).build());

    TrackedVehicle v = server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate(TRUCK).build());

    assertThat(v.getTrip().getState()).isEqualTo(TripState.TRIP_STATE_OPEN);
    assertThat(v.getTrip().getTerminalNumber()).isEqualTo(TERMINAL);
    assertThat(v.getPermit().getPermitId()).isEqualTo("A-000001");
    assertThat(v.getGoodsList()).singleElement().satisfies(g -> assertThat(g.getUnNumber()).isEqualTo("UN1230"));
    assertThat(v.getDriver().getName()).isEqualTo("王师傅");
    assertThat(v.getEscort().getName()).isEqualTo("李押运");
    assertThat(v.getHostEnterpriseName()).isEqualTo(TripSeed.HOST_NAME);
    assertThat(v.getRoad()).isEqualTo("R-02");
    assertThat(v.getCurrent().getSpeedKmh()).isEqualTo(25);
  }

  @Test
  void panelOfAVehicleThatLeftShowsItsLastTrip() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.stub().returnTerminal(giveBack("r2", TERMINAL, "G2"));

    TrackedVehicle v = server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate(TRUCK).build());

    assertThat(v.getTrip().getState()).isEqualTo(TripState.TRIP_STATE_CLOSED);
    assertThat(v.hasCurrent()).isFalse();
  }

  @Test
  void panelOfAnUnboundTerminalComesFromTheLiveState() {
    String key = TripGrpcService.UNBOUND_PREFIX + TERMINAL;
    server.live.vehicles.put(key, TrackedVehicle.newBuilder().setPlate(key).setUnbound(true).build());

    TrackedVehicle v = server.stub().getVehicle(GetTrackedVehicleRequest.newBuilder().setPlate(key).build());

    assertThat(v.getUnbound()).isTrue();
    assertThat(v.hasTrip()).isFalse();
  }

  @Test
  void terminalListJoinsWhatThePipelineHeardWithTheBindings() {
    server.stub().issueTerminal(issue("r1", TERMINAL, TRUCK, "A-000001", "G2"));
    server.live.terminals.add(Terminal.newBuilder().setTerminalNumber(TERMINAL).setConnected(true).build());
    server.live.terminals.add(Terminal.newBuilder().setTerminalNumber("099900000001").setUnboundReporting(true)
        .setUnboundPositions(7).build());

    var all = server.stub().listTerminals(ListTerminalsRequest.getDefaultInstance()).getTerminalsList();
    var unbound = server.stub().listTerminals(ListTerminalsRequest.newBuilder().setUnboundOnly(true).build())
        .getTerminalsList();

    assertThat(all).filteredOn(t -> t.getTerminalNumber().equals(TERMINAL)).singleElement().satisfies(t -> {
      assertThat(t.getConnected()).isTrue();
      assertThat(t.getPlate()).isEqualTo(TRUCK);
      assertThat(t.getTripId()).isNotEmpty();
    });
    assertThat(unbound).extracting(Terminal::getTerminalNumber).containsExactly("099900000001");
  }

  @Test
  void parkingLotComesFromTheLiveState() {
    ParkingLotState lot = server.stub().getParkingLot(GetParkingLotRequest.getDefaultInstance());

    assertThat(lot.getLotId()).isEqualTo("PL-1");
    assertThat(lot.getCapacity()).isEqualTo(40);
  }

  @Test
  void repeatedLoadingPointReportReleasesOnceAndAnswersTheSame() {
    LoadingPointFreeRequest request = LoadingPointFreeRequest.newBuilder().setRequestId("f1").setEnterpriseId("ENT-01")
        .setLoadingPoint("LP1").build();

    ParkingLotState first = server.stub().reportLoadingPointFree(request);
    ParkingLotState repeated = server.stub().reportLoadingPointFree(request);

    assertThat(repeated).isEqualTo(first);
    assertThat(server.live.released).hasValue(1);
    assertThat(first.getQueues(0).getServingList()).containsExactly("released-1");
  }
}
