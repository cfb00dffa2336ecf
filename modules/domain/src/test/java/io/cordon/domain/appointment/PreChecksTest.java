package io.cordon.domain.appointment;

import static io.cordon.domain.appointment.AppointmentFixture.HAULIER;
import static io.cordon.domain.appointment.AppointmentFixture.HAULIER_CLERK;
import static io.cordon.domain.appointment.AppointmentFixture.HOST_CLERK;
import static io.cordon.domain.appointment.AppointmentFixture.NOW;
import static io.cordon.domain.appointment.AppointmentFixture.changedOutcome;
import static io.cordon.domain.appointment.AppointmentFixture.context;
import static io.cordon.domain.appointment.AppointmentFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.hazmat.HazardClass;
import io.cordon.domain.hazmat.Quantity;
import io.cordon.domain.hazmat.QuantityUnit;
import io.cordon.domain.hazmat.UnNumber;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonRole;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.Blacklist;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PreChecksTest {

  private static Refusal submitRefused(ApplicationKind kind, Actor applicant, ApplicationContent content,
      CheckContext ctx) {
    Application a = AppointmentFixture.draft(kind, applicant, content);
    return refusal(a.submit(applicant, a.version(), ctx, NOW));
  }

  private static Refusal hazmatRefused(ApplicationContent content) {
    return submitRefused(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK, content, context());
  }

  @ParameterizedTest(name = "{0} submitted {1} h ahead needs {2} h")
  @CsvSource({"HAZMAT_DELIVERY, 23, 24", "FREIGHT, 47, 48", "VISITOR, 3, 4"})
  void aWindowTooSoonIsRefusedWithTheLeadTime(ApplicationKind kind, int hoursAhead, int needed) {
    ApplicationContent content;
    Actor applicant = HAULIER_CLERK;
    if (kind == ApplicationKind.VISITOR) {
      content = AppointmentFixture.visitorContent();
      applicant = HOST_CLERK;
    } else if (kind == ApplicationKind.FREIGHT) {
      content = AppointmentFixture.freightContent();
    } else {
      content = AppointmentFixture.hazmatContent();
    }
    content = content.withWindow(AppointmentFixture.windowIn(hoursAhead));

    Refusal r = submitRefused(kind, applicant, content, context());

    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(r.errors()).containsExactly(new FieldError("window.from",
        "must be at least " + needed + " h after submission (it is " + hoursAhead + " h)"));
  }

  @Test
  void exactlyTheLeadTimeIsEnough() {
    Application a = AppointmentFixture.draft(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK,
        AppointmentFixture.hazmatContent().withWindow(AppointmentFixture.windowIn(24)));

    assertThat(changedOutcome(a.submit(HAULIER_CLERK, a.version(), context(), NOW)).after().state())
        .isEqualTo(ApplicationState.UNDER_REVIEW);
  }

  @Test
  void theLeadTimeIsConfigurable() {
    AppointmentRules rules = AppointmentFixture.RULES.with(ApplicationKind.HAZMAT_DELIVERY,
        AppointmentFixture.RULES.of(ApplicationKind.HAZMAT_DELIVERY).withLeadTime(Duration.ofHours(36)));
    CheckContext ctx = new CheckContext(rules, AppointmentFixture.PARK, AppointmentFixture.CATALOGUE,
        Blacklist.empty(), VehicleBookings.none());

    assertThat(submitRefused(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK, AppointmentFixture.hazmatContent(), ctx)
        .fields()).containsExactly("window.from");
  }

  @Test
  void aDriverCertificateExpiringBeforeTheWindowEndsIsRefusedAtItsField() {
    Person driver = AppointmentFixture.person("P-DRIVER", PersonRole.DRIVER, HAULIER,
        AppointmentFixture.licence(AppointmentFixture.NEXT_YEAR), AppointmentFixture.dgDriver(LocalDate.of(2026, 12, 1)));

    Refusal r = hazmatRefused(AppointmentFixture.hazmatContent().withDriver(driver));

    assertThat(r.fields()).containsExactly("driver.certificates[1].expiresOn");
    assertThat(r.errors().get(0).reason()).contains("expires on 2026-12-01, before the window ends on 2026-12-02");
  }

  @Test
  void aCertificateValidThroughTheLastDayOfTheWindowIsEnough() {
    Person escort = AppointmentFixture.person("P-ESCORT", PersonRole.ESCORT, HAULIER,
        AppointmentFixture.dgEscort(LocalDate.of(2026, 12, 2)));
    Application a = AppointmentFixture.draft(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK,
        AppointmentFixture.hazmatContent().withEscort(escort));

    assertThat(a.submit(HAULIER_CLERK, a.version(), context(), NOW)).isInstanceOf(Outcome.Changed.class);
  }

  @Test
  void anEscortWithoutTheEscortQualificationIsRefused() {
    Person escort = AppointmentFixture.person("P-ESCORT", PersonRole.ESCORT, HAULIER);

    assertThat(hazmatRefused(AppointmentFixture.hazmatContent().withEscort(escort)).errors())
        .containsExactly(new FieldError("escort.certificates", "needs a dangerous goods escort certificate"));
  }

  @Test
  void anExpiredTransportPermitIsRefused() {
    ApplicationContent c = AppointmentFixture.hazmatContent().withVehicles(List.of(
        AppointmentFixture.vehicle("苏E12345", VehicleClass.HAZMAT, LocalDate.of(2026, 11, 30))));

    assertThat(hazmatRefused(c).fields()).containsExactly("vehicles[0].transportPermit.expiresOn");
  }

  @Test
  void everyMissingRequiredPartIsNamed() {
    ApplicationContent empty = ApplicationContent.of(AppointmentFixture.HOST, AppointmentFixture.windowIn(30));

    assertThat(hazmatRefused(empty).fields()).containsExactlyInAnyOrder("vehicles", "driver", "escort", "goods",
        "route", "loadingPoint", "people");
  }

  @Test
  void requiredFieldsAreConfigurable() {
    AppointmentRules rules = AppointmentFixture.RULES.with(ApplicationKind.VISITOR,
        AppointmentFixture.RULES.of(ApplicationKind.VISITOR).withRequired(java.util.Set.of(RequiredField.PEOPLE)));
    CheckContext ctx = new CheckContext(rules, AppointmentFixture.PARK, AppointmentFixture.CATALOGUE,
        Blacklist.empty(), VehicleBookings.none());
    Application a = AppointmentFixture.draft(ApplicationKind.VISITOR, HOST_CLERK,
        AppointmentFixture.visitorContent().withPurpose(""));

    assertThat(a.submit(HOST_CLERK, a.version(), ctx, NOW)).isInstanceOf(Outcome.Changed.class);
  }

  @Test
  void anUnknownUnNumberIsRefused() {
    Goods unknown = Goods.of("某液体", HazardClass.FLAMMABLE_LIQUID_3, UnNumber.parse("UN9999"),
        Quantity.of("1", QuantityUnit.TONNE));

    assertThat(hazmatRefused(AppointmentFixture.hazmatContent().withGoods(List.of(unknown))).errors())
        .containsExactly(new FieldError("goods[0].unNumber", "UN9999 is not in the park's dangerous-goods catalogue"));
  }

  @Test
  void goodsWhoseClassDiffersFromTheCatalogueAreRefused() {
    Goods wrong = Goods.of("汽油", HazardClass.CORROSIVE_8, UnNumber.parse("UN1203"), Quantity.of("1", QuantityUnit.TONNE));

    assertThat(hazmatRefused(AppointmentFixture.hazmatContent().withGoods(List.of(wrong))).errors())
        .containsExactly(new FieldError("goods[0].hazardClass", "UN1203 (汽油) is class 3, not 8"));
  }

  @Test
  void aVehicleAlreadyBookedInAnOverlappingWindowIsRefused() {
    TimeWindow other = TimeWindow.of(NOW.plus(Duration.ofHours(37)), Duration.ofHours(2));
    VehicleBookings bookings = plate -> List.of(new Booking(new ApplicationId("A-0"), other));

    Refusal r = submitRefused(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK, AppointmentFixture.hazmatContent(),
        context(Blacklist.empty(), bookings));

    assertThat(r.fields()).containsExactly("window");
    assertThat(r.errors().get(0).reason()).contains("苏E12345 is already booked").contains("A-0");
  }

  @Test
  void aBookingRightAfterTheWindowDoesNotOverlap() {
    TimeWindow after = TimeWindow.of(AppointmentFixture.windowIn(30).until(), Duration.ofHours(2));
    VehicleBookings bookings = plate -> List.of(new Booking(new ApplicationId("A-0"), after),
        new Booking(new ApplicationId("A-1"), AppointmentFixture.windowIn(30)));
    Application a = AppointmentFixture.hazmatDraft();

    assertThat(a.submit(HAULIER_CLERK, a.version(), context(Blacklist.empty(), bookings), NOW))
        .isInstanceOf(Outcome.Changed.class);
  }

  @Test
  void aBlacklistedDriverGetsTheApplicationRejectedBySystem() {
    Blacklist blacklist = Blacklist.empty().with(BlacklistEntry.manual("BL-1",
        Subject.person(AppointmentFixture.driver().id()), "闯卡", NOW.minus(Duration.ofDays(10)),
        Optional.of(NOW.plus(Duration.ofDays(170)))));
    Application a = AppointmentFixture.hazmatDraft();

    Outcome.Changed c = changedOutcome(a.submit(HAULIER_CLERK, a.version(), context(blacklist,
        VehicleBookings.none()), NOW));

    assertThat(c.after().state()).isEqualTo(ApplicationState.REJECTED);
    assertThat(c.transition().by()).isEqualTo(Actor.SYSTEM);
    assertThat(c.after().reasons()).extracting(FieldError::field).containsExactly("driver");
  }

  @Test
  void aBlacklistEntryEndingBeforeTheWindowDoesNotStopIt() {
    Blacklist blacklist = Blacklist.empty().with(BlacklistEntry.manual("BL-1",
        Subject.vehicle(AppointmentFixture.tanker().plate()), "违停", NOW.minus(Duration.ofDays(3)),
        Optional.of(NOW.plus(Duration.ofHours(20)))));
    Application a = AppointmentFixture.hazmatDraft();

    assertThat(changedOutcome(a.submit(HAULIER_CLERK, a.version(), context(blacklist, VehicleBookings.none()), NOW))
        .after().state()).isEqualTo(ApplicationState.UNDER_REVIEW);
  }

  @Test
  void aBlacklistedVehicleOwnerIsCaught() {
    Blacklist blacklist = Blacklist.empty().with(BlacklistEntry.manual("BL-2", Subject.enterprise(HAULIER), "虚假申报",
        NOW.minus(Duration.ofDays(1)), Optional.empty()));
    Application a = AppointmentFixture.hazmatDraft();

    assertThat(changedOutcome(a.submit(HAULIER_CLERK, a.version(), context(blacklist, VehicleBookings.none()), NOW))
        .after().reasons()).extracting(FieldError::field).containsExactly("applicant");
  }

  @Test
  void forbiddenGoodsGetTheApplicationRejected() {
    Goods chlorine = Goods.of("液氯", HazardClass.TOXIC_GAS_2_3, UnNumber.parse("UN1017"),
        Quantity.of("10", QuantityUnit.TONNE));
    Application a = AppointmentFixture.draft(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK,
        AppointmentFixture.hazmatContent().withGoods(List.of(AppointmentFixture.petrol(), chlorine)));

    Application after = changedOutcome(a.submit(HAULIER_CLERK, a.version(), context(), NOW)).after();

    assertThat(after.state()).isEqualTo(ApplicationState.REJECTED);
    assertThat(after.reasons()).containsExactly(new FieldError("goods[1].unNumber", "UN1017 (氯) is forbidden in this park"));
  }

  @Test
  void aHazmatDeliveryNeedsAHazmatVehicle() {
    ApplicationContent c = AppointmentFixture.hazmatContent().withVehicles(List.of(
        AppointmentFixture.vehicle("苏E12345", VehicleClass.ORDINARY, AppointmentFixture.NEXT_YEAR)));

    assertThat(hazmatRefused(c).fields()).containsExactly("vehicles[0].vehicleClass");
  }

  @Test
  void hazardousWasteNeedsItsWasteCode() {
    ApplicationContent c = AppointmentFixture.hazmatContent().withVehicles(List.of(
        AppointmentFixture.vehicle("苏E12345", VehicleClass.HAZWASTE, AppointmentFixture.NEXT_YEAR)));

    assertThat(submitRefused(ApplicationKind.HAZWASTE_DELIVERY, HAULIER_CLERK, c, context()).errors())
        .containsExactly(new FieldError("goods[0].wasteCode", "is required for hazardous waste (e.g. HW08)"));
  }

  @Test
  void aLoadingPointTheHostDoesNotHaveIsRefused() {
    assertThat(hazmatRefused(AppointmentFixture.hazmatContent().withLoadingPoint("LP9")).errors())
        .containsExactly(new FieldError("loadingPoint", "ENT-1 has no loading point LP9"));
  }

  @Test
  void theDriverCannotBeTheirOwnEscort() {
    Person both = AppointmentFixture.person("P-DRIVER", PersonRole.DRIVER, HAULIER,
        AppointmentFixture.licence(AppointmentFixture.NEXT_YEAR), AppointmentFixture.dgDriver(AppointmentFixture.NEXT_YEAR),
        AppointmentFixture.dgEscort(AppointmentFixture.NEXT_YEAR));

    assertThat(hazmatRefused(AppointmentFixture.hazmatContent().withDriver(both).withEscort(both)).fields())
        .containsExactly("escort");
  }

  @Test
  void aVisitIsAppliedForByTheVisitedEnterpriseItself() {
    assertThat(submitRefused(ApplicationKind.VISITOR, HAULIER_CLERK, AppointmentFixture.visitorContent(), context())
        .fields()).containsExactly("host");
  }

  @Test
  void aWindowLongerThanTheKindAllowsIsRefused() {
    ApplicationContent c = AppointmentFixture.hazmatContent()
        .withWindow(TimeWindow.of(NOW.plus(Duration.ofHours(30)), Duration.ofHours(25)));

    assertThat(hazmatRefused(c).fields()).containsExactly("window.until");
  }

  @Test
  void everyMistakeIsReportedAtOnce() {
    ApplicationContent c = AppointmentFixture.hazmatContent().withWindow(AppointmentFixture.windowIn(2))
        .withLoadingPoint("LP9").withRoute(null);

    assertThat(hazmatRefused(c).fields()).containsExactlyInAnyOrder("route", "window.from", "loadingPoint");
  }
}
