package io.cordon.domain.appointment;

import static io.cordon.domain.appointment.AppointmentFixture.EMERGENCY;
import static io.cordon.domain.appointment.AppointmentFixture.ENVIRONMENT;
import static io.cordon.domain.appointment.AppointmentFixture.HAULIER;
import static io.cordon.domain.appointment.AppointmentFixture.HAULIER_CLERK;
import static io.cordon.domain.appointment.AppointmentFixture.HOST;
import static io.cordon.domain.appointment.AppointmentFixture.HOST_CLERK;
import static io.cordon.domain.appointment.AppointmentFixture.NOW;
import static io.cordon.domain.appointment.AppointmentFixture.PARK;
import static io.cordon.domain.appointment.AppointmentFixture.SAFETY;
import static io.cordon.domain.appointment.AppointmentFixture.changed;
import static io.cordon.domain.appointment.AppointmentFixture.changedOutcome;
import static io.cordon.domain.appointment.AppointmentFixture.context;
import static io.cordon.domain.appointment.AppointmentFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.GateId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.registry.PersonRole;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationWorkflowTest {

  private final Instant t1 = NOW.plus(Duration.ofMinutes(10));
  private final Instant t2 = NOW.plus(Duration.ofMinutes(40));
  private final Instant t3 = NOW.plus(Duration.ofMinutes(70));

  private Application submittedHazmat() {
    Application a = AppointmentFixture.hazmatDraft();
    return changed(a.submit(HAULIER_CLERK, a.version(), context(), NOW));
  }

  private Application inJointReview() {
    Application a = submittedHazmat();
    return changed(a.approve(SAFETY, a.version(), AppointmentFixture.hazmatScope(), PARK, t1, "路线合规"));
  }

  @Test
  void aHazmatDeliveryGoesFromSubmissionThroughFirstAndJointReviewToAPermit() {
    Application a = inJointReview();
    a = changed(a.giveOpinion(EMERGENCY, a.version(), true, List.of(), t2, "应急措施完备"));
    assertThat(a.state()).isEqualTo(ApplicationState.JOINT_REVIEW);
    assertThat(a.pendingDepartments()).containsExactly(Department.ENVIRONMENTAL_PROTECTION);

    Outcome.Changed done = changedOutcome(a.giveOpinion(ENVIRONMENT, a.version(), true, List.of(), t3, "同意"));

    assertThat(done.after().state()).isEqualTo(ApplicationState.APPROVED);
    assertThat(done.after().history()).extracting(Transition::action)
        .containsExactly("draft", "submit", "first_review_pass", "joint_agree", "joint_approve");
    Permit permit = done.permit().orElseThrow();
    assertThat(permit.id().value()).isEqualTo("A-1");
    assertThat(permit.vehicles()).containsEntry(AppointmentFixture.tanker().plate(), VehicleClass.HAZMAT);
    assertThat(permit.people()).extracting(p -> p.value()).containsExactlyInAnyOrder("P-DRIVER", "P-ESCORT");
    assertThat(permit.route()).contains(new RouteId("ROUTE-1"));
    assertThat(permit.gates()).containsExactly(new GateId("G-DED"), new GateId("G-COMP"));
    assertThat(permit.issuedBy()).isEqualTo("zhou");
    assertThat(permit.exitConfirmationRequired()).isTrue();
  }

  @Test
  void aHazmatDeliveryGoesStraightToTheSafetyDepartment() {
    Application a = submittedHazmat();

    assertThat(a.state()).isEqualTo(ApplicationState.UNDER_REVIEW);
    assertThat(a.reviewDue()).contains(NOW.plus(Duration.ofHours(2)));
  }

  @Test
  void oneObjectionInJointReviewReturnsTheApplicationWithItsReasons() {
    Application a = inJointReview();
    a = changed(a.giveOpinion(EMERGENCY, a.version(), true, List.of(), t2, ""));
    List<FieldError> objection = List.of(new FieldError("route", "passes the river intake; use ROUTE-2"));

    Application returned = changed(a.giveOpinion(ENVIRONMENT, a.version(), false, objection, t3, ""));

    assertThat(returned.state()).isEqualTo(ApplicationState.RETURNED);
    assertThat(returned.reasons()).isEqualTo(objection);
    assertThat(returned.history().get(returned.history().size() - 1).by()).isEqualTo("zhou");
  }

  @Test
  void anObjectionWithoutReasonsIsRefused() {
    Application a = inJointReview();

    Refusal r = refusal(a.giveOpinion(ENVIRONMENT, a.version(), false, List.of(), t2, ""));

    assertThat(r.fields()).containsExactly("reasons");
  }

  @Test
  void aDepartmentGivesItsJointOpinionOnlyOnce() {
    Application a = inJointReview();
    a = changed(a.giveOpinion(EMERGENCY, a.version(), true, List.of(), t2, ""));

    assertThat(refusal(a.giveOpinion(EMERGENCY, a.version(), true, List.of(), t3, "")).kind())
        .isEqualTo(Refusal.Kind.CONFLICT);
  }

  @Test
  void onlyTheJointDepartmentsGiveJointOpinions() {
    Application a = inJointReview();

    assertThat(refusal(a.giveOpinion(SAFETY, a.version(), true, List.of(), t2, "")).kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void aReturnedApplicationIsCorrectedAndResubmittedKeepingItsFirstSubmissionForTheLeadTime() {
    Application a = submittedHazmat();
    a = changed(a.returnToApplicant(SAFETY, a.version(), List.of(new FieldError("route", "use ROUTE-2")), t1, ""));
    Instant late = NOW.plus(Duration.ofHours(10)); // only 20 h before the window now, but submitted 30 h ahead

    a = changed(a.edit(HAULIER_CLERK, a.version(), a.content().withRoute(new RouteId("ROUTE-2")), late));
    a = changed(a.submit(HAULIER_CLERK, a.version(), context(), late));

    assertThat(a.state()).isEqualTo(ApplicationState.UNDER_REVIEW);
    assertThat(a.reasons()).isEmpty();
    assertThat(a.firstSubmittedAt()).contains(NOW);
  }

  @Test
  void theSafetyDepartmentRejectsWithReasons() {
    Application a = submittedHazmat();
    List<FieldError> reasons = List.of(new FieldError("goods", "货物与园区企业生产需求不符"));

    Application rejected = changed(a.reject(SAFETY, a.version(), reasons, t1, ""));

    assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
    assertThat(rejected.reasons()).isEqualTo(reasons);
  }

  @Test
  void onlyTheSafetyDepartmentDoesTheFirstReview() {
    Application a = submittedHazmat();

    Refusal r = refusal(a.approve(EMERGENCY, a.version(), AppointmentFixture.hazmatScope(), PARK, t1, ""));

    assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void aStaleVersionIsRefusedSoTwoReviewersCannotBothDecide() {
    Application a = submittedHazmat();
    changed(a.returnToApplicant(SAFETY, a.version(), List.of(new FieldError("route", "x")), t1, ""));

    Refusal r = refusal(a.reject(SAFETY, a.version() - 1, List.of(new FieldError("route", "x")), t1, ""));

    assertThat(r.fields()).containsExactly("expectedVersion");
  }

  @Test
  void aVisitorApplicationWaitsForTheEnterpriseThenTheParkAndIssuesAPedestrianPermit() {
    Application a = AppointmentFixture.draft(ApplicationKind.VISITOR, HOST_CLERK, AppointmentFixture.visitorContent());
    a = changed(a.submit(HOST_CLERK, a.version(), context(), NOW));
    assertThat(a.state()).isEqualTo(ApplicationState.SUBMITTED);
    assertThat(a.reviewDue()).contains(NOW.plus(Duration.ofHours(1)));

    a = changed(a.confirm(HOST_CLERK, a.version(), t1, "担保来访目的"));
    assertThat(a.state()).isEqualTo(ApplicationState.UNDER_REVIEW);
    assertThat(a.reviewDue()).contains(t1.plus(Duration.ofHours(2)));

    Outcome.Changed done = changedOutcome(a.approve(SAFETY, a.version(), AppointmentFixture.pedestrianScope(), PARK,
        t2, ""));
    assertThat(done.after().state()).isEqualTo(ApplicationState.APPROVED);
    assertThat(done.permit().orElseThrow().exitConfirmationRequired()).isFalse();
  }

  @Test
  void onlyTheVisitedEnterpriseConfirmsAVisit() {
    Application a = AppointmentFixture.draft(ApplicationKind.VISITOR, HOST_CLERK, AppointmentFixture.visitorContent());
    a = changed(a.submit(HOST_CLERK, a.version(), context(), NOW));

    assertThat(refusal(a.confirm(HAULIER_CLERK, a.version(), t1, "")).kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void theEnterpriseDecliningAVisitReturnsIt() {
    Application a = AppointmentFixture.draft(ApplicationKind.VISITOR, HOST_CLERK, AppointmentFixture.visitorContent());
    a = changed(a.submit(HOST_CLERK, a.version(), context(), NOW));

    a = changed(a.decline(HOST_CLERK, a.version(), List.of(new FieldError("people[1]", "不是来访人员")), t1, ""));

    assertThat(a.state()).isEqualTo(ApplicationState.RETURNED);
    assertThat(a.reasons()).extracting(FieldError::field).containsExactly("people[1]");
  }

  @Test
  void ordinaryFreightIsApprovedByTheSafetyDepartmentAlone() {
    Application a = AppointmentFixture.draft(ApplicationKind.FREIGHT, HAULIER_CLERK,
        AppointmentFixture.freightContent());
    a = changed(a.submit(HAULIER_CLERK, a.version(), context(), NOW));

    Outcome.Changed done = changedOutcome(a.approve(SAFETY, a.version(), AppointmentFixture.ordinaryScope(), PARK,
        t1, ""));

    assertThat(done.after().state()).isEqualTo(ApplicationState.APPROVED);
    assertThat(done.permit().orElseThrow().exitCleared()).isTrue();
  }

  @Test
  void aLongTermRegistrationOfStaffAndCommuterVehiclesIsConfirmedByTheEnterpriseAndApprovedByThePark() {
    ApplicationContent content = ApplicationContent.of(HOST, AppointmentFixture.windowIn(30).withLength(365))
        .withPeople(List.of(AppointmentFixture.person("P-S1", PersonRole.EMPLOYEE, HOST)))
        .withVehicles(List.of(AppointmentFixture.vehicle("苏A2B345", VehicleClass.COMMUTER, null)));
    Application a = AppointmentFixture.draft(ApplicationKind.LONG_TERM_REGISTRATION, HOST_CLERK, content);
    a = changed(a.submit(HOST_CLERK, a.version(), context(), NOW));
    a = changed(a.confirm(HOST_CLERK, a.version(), t1, ""));
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-ORD", "P1"), LaneRef.of("G-ORD", "L1")),
        List.of(new ZoneId("Z-GEN"), new ZoneId("Z-CORE")), Set.of(new ZoneId("Z-CORE")));

    Outcome.Changed done = changedOutcome(a.approve(SAFETY, a.version(), scope, PARK, t2, ""));

    assertThat(done.after().state()).isEqualTo(ApplicationState.APPROVED);
    assertThat(done.permit().orElseThrow().scope().authorisedCoreZones()).containsExactly(new ZoneId("Z-CORE"));
  }

  @Test
  void aConstructionCrewIsApprovedWithoutEnterpriseConfirmation() {
    ApplicationContent content = ApplicationContent.of(HOST, AppointmentFixture.windowIn(50)).withPurpose("管廊检修")
        .withPeople(List.of(AppointmentFixture.person("P-W1", PersonRole.CONSTRUCTION_WORKER, HAULIER)))
        .withVehicles(List.of(AppointmentFixture.vehicle("苏A3C456", VehicleClass.CONSTRUCTION, null)));
    Application a = AppointmentFixture.draft(ApplicationKind.CONSTRUCTION, HAULIER_CLERK, content);
    a = changed(a.submit(HAULIER_CLERK, a.version(), context(), NOW));
    assertThat(a.state()).isEqualTo(ApplicationState.UNDER_REVIEW);
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-ORD", "P1"), LaneRef.of("G-ORD", "L1")),
        List.of(new ZoneId("Z-GEN")), Set.of());

    assertThat(changed(a.approve(SAFETY, a.version(), scope, PARK, t1, "")).state())
        .isEqualTo(ApplicationState.APPROVED);
  }

  @Test
  void approvingACoreZoneWithoutExplicitAuthorisationIsRefused() {
    Application a = submittedHazmat();
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-DED", "L1")), List.of(new ZoneId("Z-CORE")), Set.of());

    Refusal r = refusal(a.approve(SAFETY, a.version(), scope, PARK, t1, ""));

    assertThat(r.fields()).containsExactly("scope.zones[0]");
    assertThat(r.errors().get(0).reason()).contains("needs explicit authorisation");
  }

  @Test
  void approvingAnOrdinaryLaneForAHazmatVehicleIsRefused() {
    Application a = submittedHazmat();
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-ORD", "L1")), List.of(new ZoneId("Z-GEN")), Set.of());

    Refusal r = refusal(a.approve(SAFETY, a.version(), scope, PARK, t1, ""));

    assertThat(r.fields()).containsExactly("scope.lanes[0]");
  }

  @Test
  void theApplicantWithdrawsAPendingApplication() {
    Application a = submittedHazmat();

    assertThat(changed(a.withdraw(HAULIER_CLERK, a.version(), t1, "计划取消")).state())
        .isEqualTo(ApplicationState.WITHDRAWN);
  }

  @Test
  void anApprovedApplicationIsNotWithdrawnButItsPermitRevoked() {
    Application a = AppointmentFixture.draft(ApplicationKind.FREIGHT, HAULIER_CLERK,
        AppointmentFixture.freightContent());
    a = changed(a.submit(HAULIER_CLERK, a.version(), context(), NOW));
    a = changed(a.approve(SAFETY, a.version(), AppointmentFixture.ordinaryScope(), PARK, t1, ""));

    assertThat(refusal(a.withdraw(HAULIER_CLERK, a.version(), t2, "")).errors().get(0).reason())
        .contains("revoke its permit");
  }

  @Test
  void someoneElseCannotSubmitTheApplicantsApplication() {
    Application a = AppointmentFixture.hazmatDraft();

    assertThat(refusal(a.submit(HOST_CLERK, a.version(), context(), NOW)).kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void aPendingApplicationExpiresOnceItsWindowHasEnded() {
    Application a = submittedHazmat();
    Instant after = a.content().window().until();

    assertThat(refusal(a.expire(after.minusSeconds(1))).kind()).isEqualTo(Refusal.Kind.CONFLICT);
    Outcome.Changed expired = changedOutcome(a.expire(after));
    assertThat(expired.after().state()).isEqualTo(ApplicationState.EXPIRED);
    assertThat(expired.transition().by()).isEqualTo(Actor.SYSTEM);
  }

  @Test
  void aReviewPastItsWindowIsOverdue() {
    Application a = submittedHazmat();

    assertThat(a.overdueAt(NOW.plus(Duration.ofHours(2)))).isFalse();
    assertThat(a.overdueAt(NOW.plus(Duration.ofHours(2)).plusSeconds(1))).isTrue();
  }

  @Test
  void theJointReviewIsDueOneHourAfterItStarts() {
    Application a = inJointReview();

    assertThat(a.reviewDue()).contains(t1.plus(Duration.ofHours(1)));
    assertThat(a.overdueAt(t1.plus(Duration.ofMinutes(61)))).isTrue();
  }

  @Test
  void approvedAndDraftApplicationsAreNeverOverdue() {
    assertThat(AppointmentFixture.hazmatDraft().overdueAt(NOW.plus(Duration.ofDays(3)))).isFalse();
  }

  @Test
  void everyTransitionRecordsWhoWhenAndTheNote() {
    Application a = inJointReview();
    Transition last = a.history().get(a.history().size() - 1);

    assertThat(last).isEqualTo(new Transition("first_review_pass", ApplicationState.UNDER_REVIEW,
        ApplicationState.JOINT_REVIEW, "sun", t1, "路线合规", List.of()));
    assertThat(a.version()).isEqualTo(3);
  }
}
