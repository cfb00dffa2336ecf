package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.PositionAt;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the vehicles were under the timeline's cursor. */
class PositionsAtOverGrpcTest {

  static final Instant AT = Instant.parse("2026-11-17T07:00:00Z");
  static final String TRUCK = "苏A12345";
  static final String OTHER = "苏B54321";
  static final String GONE = "苏C00001";

  @TempDir
  Path dir;
  TimelineTestServer server;

  /** The database the test runs on: H2 here, PostgreSQL in the OnPostgres subclass. */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }

  @BeforeEach
  void start() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.empty());
    server.fix(TRUCK, 120.950, 31.940, AT.minusSeconds(60));
    server.fix(TRUCK, 120.951, 31.940, AT.minusSeconds(10));
    server.fix(TRUCK, 120.952, 31.940, AT.plusSeconds(1)); // after the cursor
    server.fix(OTHER, 120.958, 31.950, AT); // exactly at the cursor
    server.fix(GONE, 120.930, 31.935, AT.minusSeconds(121)); // older than the default 120 s
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) { // null when the database was skipped
      server.close();
    }
  }

  private PositionsAt at(PositionsAtRequest.Builder request) {
    return server.timelineStub().getPositionsAt(request.setAt(Times.timestamp(AT)).build());
  }

  @Test
  void eachVehicleIsAtItsLastFixAtOrBeforeTheCursor() {
    PositionsAt answer = at(PositionsAtRequest.newBuilder());

    assertThat(answer.getVehiclesList()).extracting(PositionAt::getPlate).containsExactlyInAnyOrder(TRUCK, OTHER);
    PositionAt truck = answer.getVehiclesList().stream().filter(v -> v.getPlate().equals(TRUCK)).findFirst()
        .orElseThrow();
    assertThat(truck.getPoint().getPosition().getLon()).isEqualTo(120.951);
    assertThat(Times.instant(truck.getPoint().getTime())).isEqualTo(AT.minusSeconds(10));
  }

  @Test
  void fixesOlderThanTheMaximumAgeAreIgnored() {
    assertThat(at(PositionsAtRequest.newBuilder()).getVehiclesList()).extracting(PositionAt::getPlate)
        .doesNotContain(GONE);
    assertThat(at(PositionsAtRequest.newBuilder().setMaxAgeSeconds(300)).getVehiclesList())
        .extracting(PositionAt::getPlate).contains(GONE);
  }

  @Test
  void platesNarrowTheAnswerToThoseVehicles() {
    assertThat(at(PositionsAtRequest.newBuilder().addPlates(OTHER)).getVehiclesList())
        .extracting(PositionAt::getPlate).containsExactly(OTHER);
  }

  @Test
  void anAreaKeepsTheVehiclesWhoseLastFixIsInIt() {
    PositionsAt answer = at(PositionsAtRequest.newBuilder()
        .setArea(TimelineAssemblyOverGrpcTest.polygon(120.955, 31.948, 120.962, 31.948, 120.962, 31.952,
            120.955, 31.952)));

    assertThat(answer.getVehiclesList()).extracting(PositionAt::getPlate).containsExactly(OTHER);
  }
}
