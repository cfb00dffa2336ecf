package io.cordon.client.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.Appeal;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.FileAppealRequest;
import io.cordon.api.v1.ViolationKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Violations and the blacklist over a real server: the ladder's entry, lifting it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlacklistViewModelTest {
  @TempDir
  static Path dataDir;
  RegistrationServer server;

  @BeforeAll
  void start() {
    server = new RegistrationServer(dataDir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private BlacklistViewModel viewModel() {
    return server.ui(() -> new BlacklistViewModel(server.client, Clock.systemUTC(), server.uiThread));
  }

  /** The driver of a fresh application forces a gate: recorded through the form. */
  private BlacklistEntry driverForcesAGate(BlacklistViewModel vm) {
    Application a = server.submitHazmat();
    String driver = a.getContent().getDriver().getPersonId();
    server.ui(() -> {
      vm.violationKindProperty().set(ViolationKind.VIOLATION_KIND_FORCING_GATE);
      vm.personIdProperty().set(driver);
      vm.gateIdProperty().set("G1");
      vm.descriptionProperty().set("强行冲卡");
      vm.evidenceProperty().set("media://clips/G1/forced.mp4");
      vm.recordViolation();
    });
    server.await("the driver's entry", () -> !vm.status().busyProperty().get() && vm.entries().stream()
        .anyMatch(e -> e.getSubject().getId().equals(driver)));
    return server.ui(() -> vm.entries().stream().filter(e -> e.getSubject().getId().equals(driver)).findFirst()
        .orElseThrow());
  }

  @Test
  void forcingAGateBlacklistsThePersonForAboutSixMonths() {
    BlacklistViewModel vm = viewModel();
    BlacklistEntry entry = driverForcesAGate(vm);

    assertThat(entry.hasUntil()).isTrue();
    Duration length = Duration.between(Instant.ofEpochSecond(entry.getFrom().getSeconds()),
        Instant.ofEpochSecond(entry.getUntil().getSeconds()));
    assertThat(length).isBetween(Duration.ofDays(180), Duration.ofDays(185));
    assertThat(BlacklistViewModel.inForce(entry, Instant.now())).isTrue();
    assertThat(server.ui(() -> vm.lastRecordedProperty().get().getSanctionsCount())).isPositive();
    assertThat(server.ui(() -> vm.violations().stream()
        .anyMatch(v -> v.getViolationId().equals(entry.getViolationId())))).isTrue();
  }

  @Test
  void liftingWithoutAReasonShowsTheServersFieldError() {
    BlacklistViewModel vm = viewModel();
    BlacklistEntry entry = driverForcesAGate(vm);

    server.ui(() -> vm.lift(entry.getEntryId(), ""));

    server.await("the refusal", () -> vm.status().failureProperty().get() != null);
    assertThat(server.ui(() -> vm.status().fieldErrors().stream().map(FieldError::field).toList()))
        .containsExactly("reason");
  }

  @Test
  void aLiftedEntryLeavesTheActiveList() {
    BlacklistViewModel vm = viewModel();
    BlacklistEntry entry = driverForcesAGate(vm);

    server.ui(() -> vm.lift(entry.getEntryId(), "经复核系误判"));

    server.await("the entry gone", () -> !vm.status().busyProperty().get()
        && vm.entries().stream().noneMatch(e -> e.getEntryId().equals(entry.getEntryId())));
  }

  @Test
  void aViolationWithoutADescriptionIsAFieldError() {
    BlacklistViewModel vm = viewModel();
    server.ui(() -> {
      vm.plateProperty().set("苏E00001");
      vm.recordViolation();
    });

    server.await("the refusal", () -> vm.status().failureProperty().get() != null);
    assertThat(server.ui(() -> vm.status().fieldErrors().stream().map(FieldError::field).toList()))
        .contains("description");
  }

  @Test
  void grantingAnAppealLiftsTheEntryItsViolationGave() throws Exception {
    BlacklistViewModel vm = viewModel();
    BlacklistEntry entry = driverForcesAGate(vm);
    Appeal filed = server.client.fileAppeal(FileAppealRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setViolationId(entry.getViolationId()).setAppellant(entry.getSubject()).setGrounds("当时系卡口道闸故障，并非冲卡")
        .build()).get(30, java.util.concurrent.TimeUnit.SECONDS);
    server.ui(vm::refresh);
    server.await("the appeal listed", () -> !vm.status().busyProperty().get() && vm.appeals().stream()
        .anyMatch(a -> a.getAppealId().equals(filed.getAppealId())));

    server.ui(() -> vm.decideAppeal(filed.getAppealId(), true, "调取录像确认道闸故障"));

    server.await("the entry lifted", () -> !vm.status().busyProperty().get()
        && vm.entries().stream().noneMatch(e -> e.getEntryId().equals(entry.getEntryId())));
    assertThat(server.ui(() -> vm.appeals().stream().filter(a -> a.getAppealId().equals(filed.getAppealId()))
        .findFirst().orElseThrow().getState())).isEqualTo("GRANTED");
    assertThat(server.ui(() -> vm.status().failureProperty().get())).isNull();
  }
}
