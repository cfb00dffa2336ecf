package io.cordon.domain.appointment;

import io.cordon.domain.hazmat.CatalogueEntry;
import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.hazmat.HazardClass;
import io.cordon.domain.hazmat.InMemoryHazmatCatalogue;
import io.cordon.domain.hazmat.Quantity;
import io.cordon.domain.hazmat.QuantityUnit;
import io.cordon.domain.hazmat.UnNumber;
import io.cordon.domain.identity.PhoneNumber;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.identity.TestNumbers;
import io.cordon.domain.identity.Vin;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Certificate;
import io.cordon.domain.registry.CertificateKind;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.registry.PersonRole;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.registry.TransportPermit;
import io.cordon.domain.violation.Blacklist;
import io.cordon.domain.violation.BlacklistLookup;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applications, people and vehicles for appointment tests; all numbers computed, none real. */
public final class AppointmentFixture {

  /** 2026-12-01 08:00 in Shanghai. */
  public static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  public static final EnterpriseId HOST = new EnterpriseId("ENT-1");
  public static final EnterpriseId HAULIER = new EnterpriseId("ENT-HAUL");
  public static final Park PARK = ParkFixture.minimalValidPark();
  public static final AppointmentRules RULES = AppointmentRules.defaults();
  public static final Actor HAULIER_CLERK = Actor.ofEnterprise("zhao", HAULIER);
  public static final Actor HOST_CLERK = Actor.ofEnterprise("qian", HOST);
  public static final Actor SAFETY = Actor.reviewer("sun", Department.SAFETY);
  public static final Actor EMERGENCY = Actor.reviewer("li", Department.EMERGENCY_MANAGEMENT);
  public static final Actor ENVIRONMENT = Actor.reviewer("zhou", Department.ENVIRONMENTAL_PROTECTION);
  public static final LocalDate NEXT_YEAR = LocalDate.of(2027, 12, 31);

  public static final InMemoryHazmatCatalogue CATALOGUE = new InMemoryHazmatCatalogue(List.of(
      new CatalogueEntry(UnNumber.parse("1203"), "汽油", HazardClass.FLAMMABLE_LIQUID_3, false),
      new CatalogueEntry(UnNumber.parse("1005"), "无水氨", HazardClass.TOXIC_GAS_2_3, false),
      new CatalogueEntry(UnNumber.parse("1017"), "氯", HazardClass.TOXIC_GAS_2_3, true),
      new CatalogueEntry(UnNumber.parse("3082"), "对环境有害的液态物质", HazardClass.MISCELLANEOUS_9, false)));

  private AppointmentFixture() {
  }

  public static String idNumber(String sequence) {
    return TestNumbers.residentId("320102", "19850315", sequence);
  }

  public static Person person(String id, PersonRole role, EnterpriseId enterprise, Certificate... certificates) {
    return new Person(new PersonId(id), "测试" + id, ResidentIdNumber.parse(idNumber(String.format("%03d",
        Math.abs(id.hashCode()) % 1000))), PhoneNumber.parse("13900001234"), Optional.ofNullable(enterprise), role,
        Optional.empty(), List.of(certificates));
  }

  public static Certificate licence(LocalDate expires) {
    return new Certificate(CertificateKind.DRIVING_LICENCE, "320102198503151234", Optional.of("A2"), expires);
  }

  public static Certificate dgDriver(LocalDate expires) {
    return new Certificate(CertificateKind.DANGEROUS_GOODS_DRIVER, "DG-D-0001", Optional.empty(), expires);
  }

  public static Certificate dgEscort(LocalDate expires) {
    return new Certificate(CertificateKind.DANGEROUS_GOODS_ESCORT, "DG-E-0001", Optional.empty(), expires);
  }

  public static Person driver() {
    return person("P-DRIVER", PersonRole.DRIVER, HAULIER, licence(NEXT_YEAR), dgDriver(NEXT_YEAR));
  }

  public static Person escort() {
    return person("P-ESCORT", PersonRole.ESCORT, HAULIER, dgEscort(NEXT_YEAR));
  }

  public static Person visitor(String id) {
    return person(id, PersonRole.VISITOR, null);
  }

  public static RegisteredVehicle vehicle(String plate, VehicleClass cls, LocalDate permitExpires) {
    return new RegisteredVehicle(Plate.parse(plate), PlateColor.YELLOW, cls,
        Vin.parse(TestNumbers.vin("LZZ5CLVB", "NA123456")), HAULIER,
        permitExpires == null ? Optional.empty() : Optional.of(new TransportPermit("320100123456", permitExpires)));
  }

  public static RegisteredVehicle tanker() {
    return vehicle("苏E12345", VehicleClass.HAZMAT, NEXT_YEAR);
  }

  public static Goods petrol() {
    return Goods.of("汽油", HazardClass.FLAMMABLE_LIQUID_3, UnNumber.parse("UN1203"),
        Quantity.of("20", QuantityUnit.TONNE));
  }

  /** A window starting {@code hoursAhead} after {@link #NOW}, lasting 8 h. */
  public static TimeWindow windowIn(long hoursAhead) {
    return TimeWindow.of(NOW.plus(Duration.ofHours(hoursAhead)), Duration.ofHours(8));
  }

  public static ApplicationContent hazmatContent() {
    return ApplicationContent.of(HOST, windowIn(30)).withPurpose("卸汽油").withVehicles(List.of(tanker()))
        .withDriver(driver()).withEscort(escort()).withGoods(List.of(petrol())).withRoute(new RouteId("ROUTE-1"))
        .withLoadingPoint("LP1").withRequestedZones(List.of(new ZoneId("Z-GEN")));
  }

  public static ApplicationContent visitorContent() {
    return ApplicationContent.of(HOST, windowIn(6)).withPurpose("商务洽谈")
        .withPeople(List.of(visitor("P-V1"), visitor("P-V2")));
  }

  public static ApplicationContent freightContent() {
    Person driver = person("P-FD", PersonRole.DRIVER, HAULIER, licence(NEXT_YEAR));
    return ApplicationContent.of(HOST, windowIn(50)).withPurpose("送设备")
        .withVehicles(List.of(vehicle("苏A12345", VehicleClass.ORDINARY, null))).withDriver(driver);
  }

  public static Application draft(ApplicationKind kind, Actor applicant, ApplicationContent content) {
    return Application.draft(new ApplicationId("A-1"), kind, applicant, content, RULES, NOW);
  }

  public static Application hazmatDraft() {
    return draft(ApplicationKind.HAZMAT_DELIVERY, HAULIER_CLERK, hazmatContent());
  }

  public static CheckContext context() {
    return context(Blacklist.empty(), VehicleBookings.none());
  }

  public static CheckContext context(BlacklistLookup blacklist, VehicleBookings bookings) {
    return new CheckContext(RULES, PARK, CATALOGUE, blacklist, bookings);
  }

  public static PermitScope hazmatScope() {
    return new PermitScope(List.of(LaneRef.of("G-DED", "L1"), LaneRef.of("G-COMP", "L2")),
        List.of(new ZoneId("Z-GEN")), Set.of());
  }

  public static PermitScope pedestrianScope() {
    return new PermitScope(List.of(LaneRef.of("G-ORD", "P1")), List.of(new ZoneId("Z-GEN")), Set.of());
  }

  public static PermitScope ordinaryScope() {
    return new PermitScope(List.of(LaneRef.of("G-ORD", "L1")), List.of(new ZoneId("Z-GEN")), Set.of());
  }

  /** The changed application; fails the test with the refusal otherwise. */
  public static Application changed(Outcome outcome) {
    if (outcome instanceof Outcome.Changed c) {
      return c.after();
    }
    throw new AssertionError("refused: " + ((Outcome.Refused) outcome).refusal());
  }

  public static Outcome.Changed changedOutcome(Outcome outcome) {
    changed(outcome);
    return (Outcome.Changed) outcome;
  }

  public static io.cordon.domain.validation.Refusal refusal(Outcome outcome) {
    if (outcome instanceof Outcome.Refused r) {
      return r.refusal();
    }
    throw new AssertionError("expected a refusal, got " + ((Outcome.Changed) outcome).transition());
  }
}
