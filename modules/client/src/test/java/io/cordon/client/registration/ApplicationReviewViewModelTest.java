package io.cordon.client.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.ApplicationTransition;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.VehicleClass;
import io.cordon.client.registration.ReviewLines.LaneChoice;
import io.cordon.client.registration.ReviewLines.PersonPart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One application on the reviewer's screen and the decisions on it, over a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationReviewViewModelTest {
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

  /** A fresh hazmat delivery, loaded with the park's lanes. */
  private ApplicationReviewViewModel reviewing(Application a) {
    ApplicationReviewViewModel vm = server.ui(() -> new ApplicationReviewViewModel(server.client, Clock.systemUTC(),
        server.uiThread));
    server.ui(() -> vm.applicationIdProperty().set(a.getApplicationId()));
    server.await("the application and its lanes", () -> vm.applicationProperty().get() != null && !vm.lanes().isEmpty());
    return vm;
  }

  private Application stateNow(ApplicationReviewViewModel vm) {
    return server.ui(() -> vm.applicationProperty().get());
  }

  @Test
  void theReviewerSeesTheCrewWithCertificatesTheTankerAndTheGoods() {
    Application a = server.submitHazmat();
    ApplicationReviewViewModel vm = reviewing(a);

    server.ui(() -> {
      assertThat(vm.people()).extracting(p -> p.part()).containsExactly(PersonPart.DRIVER, PersonPart.ESCORT);
      assertThat(vm.people().get(0).person().getIdNumber()).contains("*");
      assertThat(vm.people().get(0).certificates()).extracting(c -> c.kind()).containsExactly(
          CertificateKind.CERTIFICATE_KIND_DRIVING_LICENCE, CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_DRIVER);
      assertThat(vm.people().get(0).certificates().get(1).expiresOn()).contains(LocalDate.of(2030, 6, 30));
      assertThat(vm.people().get(0).anyLapses()).isFalse();
      assertThat(vm.vehicles()).singleElement().satisfies(v -> {
        assertThat(v.vehicle().getVehicleClass()).isEqualTo(VehicleClass.VEHICLE_CLASS_HAZMAT);
        assertThat(v.permitExpiresOn()).contains(LocalDate.of(2031, 6, 30));
      });
      assertThat(vm.goods()).singleElement().satisfies(g -> {
        assertThat(g.goods().getUnNumber()).isEqualTo("UN1203");
        assertThat(g.goods().getHazardClass()).isEqualTo("3");
        assertThat(g.goods().getAmount()).isEqualTo("28.5");
      });
      assertThat(vm.applicationProperty().get().getApplicantEnterpriseId()).isEqualTo(server.haulier);
      assertThat(vm.applicationProperty().get().getContent().getRoute()).isEqualTo("R-HAZ-1");
      assertThat(vm.history()).extracting(ApplicationTransition::getAction).contains("submit");
      assertThat(vm.findings()).isEmpty();
    });
  }

  @Test
  void onlyHazmatLanesAreOfferedForATanker() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());

    assertThat(server.ui(() -> new ArrayList<>(vm.lanes()))).isNotEmpty()
        .allSatisfy(l -> assertThat(l.laneClass()).isEqualTo(io.cordon.api.v1.LaneClass.LANE_CLASS_HAZMAT));
  }

  @Test
  void approvingThenBothJointOpinionsIssueAPermitToTheChosenGates() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());
    List<String> gates = server.ui(() -> vm.lanes().stream().map(LaneChoice::gateId).distinct().toList());

    server.ui(vm::approve);
    server.await("joint review", () -> vm.applicationProperty().get().getState() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW
        && vm.opinionDepartments().size() == 2);
    server.ui(() -> vm.giveOpinion(Department.DEPARTMENT_EMERGENCY_MANAGEMENT, true));
    server.await("one opinion left", () -> vm.opinionDepartments().equals(
        List.of(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION)));
    server.ui(() -> vm.giveOpinion(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION, true));

    server.await("the permit", () -> vm.permitProperty().get() != null);
    assertThat(stateNow(vm).getState()).isEqualTo(ApplicationState.APPLICATION_STATE_APPROVED);
    assertThat(server.ui(() -> vm.permitProperty().get().getGateIdsList())).containsExactlyInAnyOrderElementsOf(gates);
    assertThat(server.ui(() -> vm.opinions().size())).isEqualTo(2);
  }

  @Test
  void returningWithoutAReasonShowsTheServersFieldError() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());

    server.ui(vm::returnToApplicant);

    server.await("the refusal", () -> vm.status().failureProperty().get() != null);
    server.ui(() -> {
      assertThat(vm.status().failureProperty().get().kind()).isEqualTo(RegistrationFailure.Kind.INVALID);
      assertThat(vm.status().fieldErrors()).extracting(FieldError::field).containsExactly("reasons");
      assertThat(vm.applicationProperty().get().getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
    });
  }

  @Test
  void returningWithAReasonOnTheDriverSendsItBackToTheApplicant() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());
    List<Application> decided = new ArrayList<>();
    server.ui(() -> {
      vm.addDecisionListener(decided::add);
      vm.reasonFieldProperty().set("content.driver");
      vm.reasonTextProperty().set("驾驶员从业资格证照片不清晰");
      vm.returnToApplicant();
    });

    server.await("returned", () -> vm.applicationProperty().get().getState() == ApplicationState.APPLICATION_STATE_RETURNED);
    assertThat(stateNow(vm).getReasonsList()).singleElement().satisfies(r -> {
      assertThat(r.getField()).isEqualTo("content.driver");
      assertThat(r.getReason()).isEqualTo("驾驶员从业资格证照片不清晰");
    });
    assertThat(server.ui(() -> List.copyOf(decided))).extracting(Application::getState)
        .containsExactly(ApplicationState.APPLICATION_STATE_RETURNED);
  }

  @Test
  void rejectingWithAReasonRefusesItForGood() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());
    server.ui(() -> {
      vm.reasonTextProperty().set("申报货物与实际不符");
      vm.addReason();
      vm.reject();
    });

    server.await("rejected", () -> vm.applicationProperty().get().getState() == ApplicationState.APPLICATION_STATE_REJECTED);
    assertThat(server.ui(() -> vm.canDecideFirstProperty().get())).isFalse();
  }

  /** A fresh hazmat delivery taken through first and joint review: its permit is shown. */
  private ApplicationReviewViewModel withIssuedPermit() {
    ApplicationReviewViewModel vm = reviewing(server.submitHazmat());
    server.ui(vm::approve);
    server.await("joint review", () -> vm.opinionDepartments().size() == 2);
    server.ui(() -> vm.giveOpinion(Department.DEPARTMENT_EMERGENCY_MANAGEMENT, true));
    server.await("one opinion left", () -> vm.opinionDepartments().size() == 1 && !vm.status().busyProperty().get());
    server.ui(() -> vm.giveOpinion(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION, true));
    server.await("the permit", () -> vm.permitProperty().get() != null && !vm.status().busyProperty().get());
    return vm;
  }

  @Test
  void revokingAnIssuedPermitWithAReasonShowsItRevoked() {
    ApplicationReviewViewModel vm = withIssuedPermit();
    assertThat(server.ui(() -> vm.canRevokeProperty().get())).isTrue();

    server.ui(() -> {
      vm.revocationReasonProperty().set("押运员资格被吊销");
      vm.revokePermit();
    });

    server.await("the revocation", () -> vm.permitProperty().get().hasRevocation());
    server.ui(() -> {
      assertThat(vm.permitProperty().get().getRevocation().getReason()).isEqualTo("押运员资格被吊销");
      assertThat(vm.permitProperty().get().getRevocation().getBy()).isEqualTo(RegistrationServer.REVIEWER);
      assertThat(vm.canRevokeProperty().get()).isFalse();
      assertThat(vm.revocationReasonProperty().get()).isEmpty();
    });
  }

  @Test
  void revokingWithoutAReasonShowsTheServersFieldErrorAndKeepsThePermit() {
    ApplicationReviewViewModel vm = withIssuedPermit();

    server.ui(vm::revokePermit);

    server.await("the refusal", () -> vm.status().failureProperty().get() != null);
    server.ui(() -> {
      assertThat(vm.status().fieldErrors()).extracting(FieldError::field).containsExactly("reason");
      assertThat(vm.permitProperty().get().hasRevocation()).isFalse();
    });
  }
}
