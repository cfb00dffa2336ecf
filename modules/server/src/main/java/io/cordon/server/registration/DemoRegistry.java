package io.cordon.server.registration;

import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.PersonRole;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.RegistryContact;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.TransportPermit;
import io.cordon.api.v1.VehicleClass;
import io.cordon.domain.appointment.Actor;
import io.cordon.domain.identity.CreditCode;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.identity.Vin;
import io.cordon.domain.park.Park;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import io.cordon.server.event.JournalAppend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo's sample registry: the park's first enterprise (江澄石化储运, ENT-01, with its
 * contacts and its loading point LP1) acting through the demo account {@code enterprise}, its staff,
 * two drivers and an escort with their certificates, a hazmat tanker and a commuter car, so a
 * reviewer sees records and the demo applicant can submit a hazmat delivery at once. Seeded once
 * (request keys mark the enterprise and the records), through the same checks as a save, with a
 * journal event per record; an enterprise ENT-01 saved before by anyone else is left as it is.
 */
final class DemoRegistry {

  static final String ENTERPRISE = "ENT-01";
  static final String DEMO_ACCOUNT = "enterprise";
  private static final String ENTERPRISE_KEY = "reg-demo-seed/enterprise";
  private static final String RECORDS_KEY = "reg-demo-seed/records";
  private static final String TRAFFIC_KEY = "reg-demo-seed/gate-traffic";
  static final int TRAFFIC_VEHICLES = 160;
  static final int TRAFFIC_PEOPLE = 400;
  static final int TRAFFIC_PERMITS = 600;
  /** Vehicles of the traffic seed that the demo blacklists (plates of {@link RegistryScale}). */
  static final int[] BLACKLISTED_VEHICLES = {17, 58, 103};
  private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

  private DemoRegistry() {
  }

  static void seed(RegistryGrpcService registry, RegistrationStore store, Clock clock, Park park) {
    seed(registry, store, clock);
    if (!store.wasProcessed(TRAFFIC_KEY) && !park.enterprises().isEmpty()) {
      seedGateTraffic(store, park, clock.instant());
    }
  }

  static void seed(RegistryGrpcService registry, RegistrationStore store, Clock clock) {
    if (!store.wasProcessed(ENTERPRISE_KEY)) {
      if (store.enterprise(ENTERPRISE).isPresent()) {
        return; // saved by someone before: not the demo's to change
      }
      seedEnterprise(registry, store, clock.instant());
    }
    if (!store.wasProcessed(RECORDS_KEY)) {
      seedRecords(registry, store, clock.instant());
    }
  }

  private static void seedEnterprise(RegistryGrpcService registry, RegistrationStore store, Instant now) {
    RegistryEnterprise enterprise = registry.checkedEnterprise(RegistryEnterprise.newBuilder()
        .setEnterpriseId(ENTERPRISE).setName("江澄石化储运有限公司").setCreditCode(creditCode("91320582MA1N0C01"))
        .addContacts(contact("陈国平", "安全负责人", "13861500101"))
        .addContacts(contact("刘芳", "储运部经理", "13861500102"))
        .addLoadingPoints("LP1").addApplicantUsernames(DEMO_ACCOUNT).build(), "");
    store.commit(List.of(JournalAppend.once(ENTERPRISE_KEY, RegistrationEvents.registry("registry.enterprise_saved",
        "enterprise", ENTERPRISE, Optional.empty(), Actor.SYSTEM, now, "enterprise " + ENTERPRISE + " "
            + enterprise.getName() + " saved by the demo seed (applicant account " + DEMO_ACCOUNT + ")"))),
        (session, appended) -> {
          if (appended.get(0).isNew()) {
            RegistrationStore.saveEnterprise(session, enterprise);
          }
        });
  }

  private static void seedRecords(RegistryGrpcService registry, RegistrationStore store, Instant now) {
    List<RegistryPerson> people = new ArrayList<>();
    people.add(person(registry, store, "周建华", "320582198203150", PersonRole.PERSON_ROLE_EMPLOYEE, "13861500111"));
    people.add(person(registry, store, "孙立新", "320582197905210", PersonRole.PERSON_ROLE_DRIVER, "13861500112",
        certificate(CertificateKind.CERTIFICATE_KIND_DRIVING_LICENCE, "320582197905210001", "A2"),
        certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_DRIVER, "苏危驾320500001", "")));
    people.add(person(registry, store, "吴海涛", "320582198511020", PersonRole.PERSON_ROLE_DRIVER, "13861500113",
        certificate(CertificateKind.CERTIFICATE_KIND_DRIVING_LICENCE, "320582198511020001", "A2"),
        certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_DRIVER, "苏危驾320500002", "")));
    people.add(person(registry, store, "钱秀英", "320582199002080", PersonRole.PERSON_ROLE_ESCORT, "13861500114",
        certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_ESCORT, "苏危押320500003", "")));
    List<RegistryVehicle> vehicles = List.of(
        vehicle(registry, "苏E6D218", PlateColor.PLATE_COLOR_YELLOW, VehicleClass.VEHICLE_CLASS_HAZMAT,
            "LZZ1BLSF0JD", "苏交运危320500118"),
        vehicle(registry, "苏EF12345", PlateColor.PLATE_COLOR_GREEN, VehicleClass.VEHICLE_CLASS_COMMUTER,
            "LGBH52E0XKY", ""));
    List<JournalAppend> appends = new ArrayList<>();
    appends.add(JournalAppend.once(RECORDS_KEY, RegistrationEvents.imported("demo records",
        people.size() + vehicles.size(), 0, Actor.SYSTEM, now)));
    for (RegistryPerson p : people) {
      appends.add(JournalAppend.of(RegistrationEvents.registry("registry.person_saved", "person", p.getPersonId(),
          Optional.of(ENTERPRISE), Actor.SYSTEM, now, "person " + p.getPersonId() + " ("
              + p.getRole().name().replace("PERSON_ROLE_", "").toLowerCase() + ") saved by the demo seed")));
    }
    for (RegistryVehicle v : vehicles) {
      appends.add(JournalAppend.of(RegistrationEvents.registry("registry.vehicle_saved", "vehicle", v.getPlate(),
          Optional.of(ENTERPRISE), Actor.SYSTEM, now, "vehicle " + v.getPlate() + " saved by the demo seed")));
    }
    store.commit(appends, (session, appended) -> {
      if (appended.get(0).isNew()) {
        people.forEach(p -> RegistrationStore.savePerson(session, p));
        vehicles.forEach(v -> RegistrationStore.saveVehicle(session, v));
      }
    });
    log.info("Demo registry seeded: {} with {} people and {} vehicles, account {} acts for it", ENTERPRISE,
        people.size(), vehicles.size(), DEMO_ACCOUNT);
  }

  /**
   * The people and vehicles of the park's enterprises that the simulated gates see every day: a
   * small {@link RegistryScale} registry with permits valid for a year from the first start, and a
   * few blacklisted vehicles, so the demo's gate traffic is mostly passes with some refusals.
   */
  private static void seedGateTraffic(RegistrationStore store, Park park, Instant now) {
    store.commit(List.of(JournalAppend.once(TRAFFIC_KEY, RegistrationEvents.imported("demo gate traffic",
        TRAFFIC_VEHICLES + TRAFFIC_PEOPLE + TRAFFIC_PERMITS, 0, Actor.SYSTEM, now))), (session, appended) -> {
          if (!appended.get(0).isNew()) {
            return;
          }
          RegistryScale.write(session::doWork, park, TRAFFIC_VEHICLES, TRAFFIC_PEOPLE, TRAFFIC_PERMITS, now,
              Duration.ofDays(365), false);
          for (int v : BLACKLISTED_VEHICLES) {
            RegistrationStore.saveEntry(session, BlacklistEntry.manual("BL-DEMO-" + v,
                Subject.vehicle(new Plate(RegistryScale.plate(v))), "演示：多次闯卡（公安通报）", now, Optional.empty()), now);
          }
        });
    log.info("Demo gate traffic seeded: {} vehicles, {} people, {} permits valid for a year, {} vehicles blacklisted",
        TRAFFIC_VEHICLES, TRAFFIC_PEOPLE, TRAFFIC_PERMITS, BLACKLISTED_VEHICLES.length);
  }

  private static RegistryContact contact(String name, String position, String phone) {
    return RegistryContact.newBuilder().setName(name).setPosition(position).setPhone(phone).build();
  }

  private static Certificate certificate(CertificateKind kind, String number, String licenceClass) {
    return Certificate.newBuilder().setKind(kind).setNumber(number).setLicenceClass(licenceClass)
        .setExpiresOn("2032-12-31").build();
  }

  /** A person of the sample enterprise; {@code id15}: the ID number's first 15 digits (two more and the check follow). */
  private static RegistryPerson person(RegistryGrpcService registry, RegistrationStore store, String name, String id15,
      PersonRole role, String phone, Certificate... certificates) {
    String first17 = id15 + "13";
    RegistryPerson given = RegistryPerson.newBuilder().setName(name)
        .setIdNumber(first17 + ResidentIdNumber.checkCharacter(first17)).setPhone(phone).setEnterpriseId(ENTERPRISE)
        .setRole(role).addAllCertificates(List.of(certificates)).build();
    check(registry.personProblems(given, "", ""), name);
    return RegistrationProtos.toProto(RegistrationProtos.person(given, new PersonId(store.nextId("P"))).orElseThrow(),
        1, false);
  }

  /** A vehicle of the sample enterprise; {@code vin11}: the VIN's first 11 characters (a serial follows). */
  private static RegistryVehicle vehicle(RegistryGrpcService registry, String plate, PlateColor color,
      VehicleClass vehicleClass, String vin11, String transportPermit) {
    String vin = vin11 + "100218";
    vin = vin.substring(0, 8) + Vin.checkCharacter(vin) + vin.substring(9);
    RegistryVehicle.Builder b = RegistryVehicle.newBuilder().setPlate(plate).setPlateColor(color)
        .setVehicleClass(vehicleClass).setVin(vin).setOwnerId(ENTERPRISE);
    if (!transportPermit.isEmpty()) {
      b.setTransportPermit(TransportPermit.newBuilder().setNumber(transportPermit).setExpiresOn("2032-06-30"));
    }
    RegistryVehicle given = b.build();
    check(registry.vehicleProblems(given, ""), plate);
    return RegistrationProtos.toProto(RegistrationProtos.vehicle(given).orElseThrow(), 1);
  }

  private static String creditCode(String first16) {
    String first17 = first16 + "X";
    return first17 + CreditCode.checkCharacter(first17);
  }

  private static void check(List<FieldError> problems, String what) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("demo registry record " + what + " is invalid: " + problems);
    }
  }
}
