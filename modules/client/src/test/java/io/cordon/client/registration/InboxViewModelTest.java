package io.cordon.client.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.client.alarm.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The approvals inbox over a real server: rows, filters and the SLA timer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxViewModelTest {
  @TempDir
  static Path dataDir;
  RegistrationServer server;
  Application hazmat;

  @BeforeAll
  void start() {
    server = new RegistrationServer(dataDir);
    hazmat = server.submitHazmat();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private InboxViewModel loaded(TestClock clock) {
    InboxViewModel inbox = server.ui(() -> new InboxViewModel(server.client, clock, server.uiThread));
    server.ui(inbox::refresh);
    server.await("the submitted hazmat delivery", () -> row(inbox).isPresent());
    return inbox;
  }

  private Optional<InboxRow> row(InboxViewModel inbox) {
    return inbox.rows().stream().filter(r -> r.id().equals(hazmat.getApplicationId())).findFirst();
  }

  @Test
  void aSubmittedHazmatDeliveryIsListedWithTheTimeLeftForItsReview() {
    InboxViewModel inbox = loaded(new TestClock(Instant.now()));

    InboxRow.Sla sla = server.ui(() -> inbox.sla(row(inbox).orElseThrow()));
    assertThat(sla.overdue()).isFalse();
    assertThat(sla.left()).hasValueSatisfying(left -> assertThat(left).isPositive());
    assertThat(server.ui(() -> row(inbox).orElseThrow().item().getPlatesList()))
        .containsExactlyElementsOf(hazmat.getContent().getVehiclesList().stream().map(v -> v.getPlate()).toList());
  }

  @Test
  void theTimerTurnsOverdueOncePastDueAndTheOverdueFilterKeepsIt() {
    TestClock clock = new TestClock(Instant.now());
    InboxViewModel inbox = loaded(clock);
    Duration left = server.ui(() -> inbox.sla(row(inbox).orElseThrow()).left().orElseThrow());

    clock.advance(left.plusMinutes(5));
    server.ui(() -> {
      inbox.tick();
      inbox.overdueOnlyProperty().set(true);
    });

    InboxRow.Sla sla = server.ui(() -> inbox.sla(row(inbox).orElseThrow()));
    assertThat(sla.overdue()).isTrue();
    assertThat(sla.overdueBy()).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
  }

  @Test
  void theOverdueFilterHidesApplicationsStillInTime() {
    InboxViewModel inbox = loaded(new TestClock(Instant.now()));

    server.ui(() -> inbox.overdueOnlyProperty().set(true));

    assertThat(server.ui(() -> row(inbox))).isEmpty();
  }

  @Test
  void theKindFilterHidesOtherKinds() {
    InboxViewModel inbox = loaded(new TestClock(Instant.now()));

    server.ui(() -> inbox.kindProperty().set(ApplicationKind.APPLICATION_KIND_VISITOR));

    assertThat(server.ui(() -> row(inbox))).isEmpty();
  }

  @Test
  void theStageFilterShowsTheSafetyDepartmentsFirstReviews() {
    InboxViewModel inbox = loaded(new TestClock(Instant.now()));

    server.ui(() -> inbox.stageProperty().set(InboxViewModel.Stage.SAFETY));
    assertThat(server.ui(() -> row(inbox))).isPresent();
    server.ui(() -> inbox.stageProperty().set(InboxViewModel.Stage.EMERGENCY_MANAGEMENT));
    assertThat(server.ui(() -> row(inbox))).isEmpty();
  }

  @Test
  void theTextFilterFindsAnApplicationByItsPlate() {
    InboxViewModel inbox = loaded(new TestClock(Instant.now()));
    String plate = hazmat.getContent().getVehicles(0).getPlate();

    server.ui(() -> inbox.textProperty().set(plate.substring(1)));
    assertThat(server.ui(() -> inbox.rows().stream().map(InboxRow::id).toList()))
        .containsExactly(hazmat.getApplicationId());
    server.ui(() -> inbox.textProperty().set("no such thing"));
    assertThat(server.ui(() -> inbox.rows().size())).isZero();
  }
}
