package io.cordon.domain.appointment;

import static io.cordon.domain.appointment.ApplicationState.APPROVED;
import static io.cordon.domain.appointment.ApplicationState.DRAFT;
import static io.cordon.domain.appointment.ApplicationState.JOINT_REVIEW;
import static io.cordon.domain.appointment.ApplicationState.SUBMITTED;
import static io.cordon.domain.appointment.ApplicationState.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowTest {

  private static Workflow of(ApplicationKind kind) {
    return Workflow.of(AppointmentRules.defaults().of(kind));
  }

  @Test
  void hazmatAndHazwasteDeliveriesPassThroughJointReviewAndNeverWaitForAnEnterprise() {
    for (ApplicationKind kind : new ApplicationKind[] {ApplicationKind.HAZMAT_DELIVERY,
        ApplicationKind.HAZWASTE_DELIVERY}) {
      Workflow w = of(kind);
      assertThat(w.allows(DRAFT, UNDER_REVIEW)).isTrue();
      assertThat(w.allows(UNDER_REVIEW, APPROVED)).isFalse();
      assertThat(w.allows(UNDER_REVIEW, JOINT_REVIEW)).isTrue();
      assertThat(w.allows(JOINT_REVIEW, APPROVED)).isTrue();
      assertThat(w.states()).doesNotContain(SUBMITTED);
    }
  }

  @Test
  void visitorsAndStaffWaitForTheEnterpriseAndHaveNoJointReview() {
    for (ApplicationKind kind : new ApplicationKind[] {ApplicationKind.VISITOR,
        ApplicationKind.LONG_TERM_REGISTRATION}) {
      Workflow w = of(kind);
      assertThat(w.allows(DRAFT, SUBMITTED)).isTrue();
      assertThat(w.allows(DRAFT, UNDER_REVIEW)).isFalse();
      assertThat(w.allows(SUBMITTED, UNDER_REVIEW)).isTrue();
      assertThat(w.allows(UNDER_REVIEW, APPROVED)).isTrue();
      assertThat(w.states()).doesNotContain(JOINT_REVIEW);
    }
  }

  @Test
  void terminalStatesLeadNowhere() {
    Workflow w = of(ApplicationKind.HAZMAT_DELIVERY);
    for (ApplicationState s : ApplicationState.values()) {
      if (s.terminal()) {
        assertThat(w.next(s)).as(s.name()).isEmpty();
      }
    }
  }

  @Test
  void theDefaultsAreTheProposalsNumbers() {
    AppointmentRules r = AppointmentRules.defaults();

    assertThat(r.of(ApplicationKind.HAZMAT_DELIVERY).leadTime()).hasHours(24);
    assertThat(r.of(ApplicationKind.HAZWASTE_DELIVERY).leadTime()).hasHours(24);
    assertThat(r.of(ApplicationKind.FREIGHT).leadTime()).hasHours(48);
    assertThat(r.of(ApplicationKind.VISITOR).leadTime()).hasHours(4);
    assertThat(r.of(ApplicationKind.VISITOR).enterpriseWindow()).hasHours(1);
    assertThat(r.of(ApplicationKind.VISITOR).firstReviewWindow()).hasHours(2);
    assertThat(r.of(ApplicationKind.HAZMAT_DELIVERY).firstReviewWindow()).hasHours(2);
    assertThat(r.of(ApplicationKind.HAZMAT_DELIVERY).jointReviewWindow()).hasHours(1);
    assertThat(r.exitConfirmationWindow()).hasMinutes(30);
  }
}
