package io.cordon.server.registration;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.BlacklistServiceGrpc;
import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.PersonRole;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.RegistryContact;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryServiceGrpc;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.TransportPermit;
import io.cordon.api.v1.UpsertEnterpriseRequest;
import io.cordon.api.v1.UpsertPersonRequest;
import io.cordon.api.v1.UpsertVehicleRequest;
import io.cordon.api.v1.VehicleClass;
import io.cordon.domain.identity.CreditCode;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.identity.Vin;
import io.cordon.server.TestServer;
import io.cordon.server.auth.AccountEntities;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordHasher;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.DatabaseSettings;
import io.grpc.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid registry data and stubs for the registration tests; every call has a deadline. */
final class RegistrationFixtures {

  private static final AtomicInteger SERIAL = new AtomicInteger(100);

  private RegistrationFixtures() {
  }

  /** Creates accounts the demo set lacks (three applicants, joint and safety reviewers) before the server starts. */
  static void createAccounts(DatabaseSettings settings) {
    try (Database db = Database.open(settings, AccountEntities.classes())) {
      Authenticator auth = new Authenticator(db, new PasswordHasher(), Clock.systemUTC(), Duration.ofHours(1));
      auth.createUserIfAbsent("ent-host", "江澄石化申报员", "ent-host", Set.of(Role.ROLE_ENTERPRISE));
      auth.createUserIfAbsent("ent-haulier", "中澄物流申报员", "ent-haulier", Set.of(Role.ROLE_ENTERPRISE));
      auth.createUserIfAbsent("ent-offender", "江海精细化工申报员", "ent-offender", Set.of(Role.ROLE_ENTERPRISE));
      auth.createUserIfAbsent("emergency", "应急管理部审核员", "emergency", Set.of(Role.ROLE_SUPERVISOR));
      auth.createUserIfAbsent("environment", "环保部门审核员", "environment", Set.of(Role.ROLE_SUPERVISOR));
      auth.createUserIfAbsent("safety2", "安全管理部审核员", "safety2", Set.of(Role.ROLE_SUPERVISOR));
    }
  }

  static String requestId() {
    return UUID.randomUUID().toString();
  }

  static String idNumber() {
    String first17 = "320102" + "19850101" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** A valid ID number with its last digit changed. */
  static String badIdNumber() {
    String good = idNumber();
    char last = good.charAt(17);
    return good.substring(0, 17) + (last == '1' ? '2' : '1');
  }

  static String plate() {
    return "苏E" + String.format("%05d", SERIAL.incrementAndGet() % 100000);
  }

  static String vin() {
    String base = String.format("LGAX2A1%010d", SERIAL.incrementAndGet());
    String v = base.substring(0, 8) + "0" + base.substring(9);
    return v.substring(0, 8) + Vin.checkCharacter(v) + v.substring(9);
  }

  static String creditCode(String seventeen) {
    return seventeen + CreditCode.checkCharacter(seventeen);
  }

  static RegistryEnterprise enterprise(String id, String name, String code17, String... usernames) {
    return RegistryEnterprise.newBuilder().setEnterpriseId(id).setName(name).setCreditCode(creditCode(code17))
        .addContacts(RegistryContact.newBuilder().setName("张伟").setPosition("安全负责人").setPhone("13812345678"))
        .addLoadingPoints("LP1").addAllApplicantUsernames(java.util.List.of(usernames)).build();
  }

  static Certificate certificate(CertificateKind kind, String licenceClass) {
    return Certificate.newBuilder().setKind(kind).setNumber("C" + SERIAL.incrementAndGet())
        .setLicenceClass(licenceClass).setExpiresOn("2031-12-31").build();
  }

  static RegistryPerson driver(String enterprise) {
    return RegistryPerson.newBuilder().setName("王师傅").setIdNumber(idNumber()).setPhone("13912345678")
        .setEnterpriseId(enterprise).setRole(PersonRole.PERSON_ROLE_DRIVER)
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DRIVING_LICENCE, "A2"))
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_DRIVER, "")).build();
  }

  static RegistryPerson escort(String enterprise) {
    return RegistryPerson.newBuilder().setName("李押运").setIdNumber(idNumber()).setPhone("13712345678")
        .setEnterpriseId(enterprise).setRole(PersonRole.PERSON_ROLE_ESCORT)
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_ESCORT, "")).build();
  }

  static RegistryPerson visitor() {
    return RegistryPerson.newBuilder().setName("赵访客").setIdNumber(idNumber()).setPhone("13612345678")
        .setRole(PersonRole.PERSON_ROLE_VISITOR).build();
  }

  static RegistryVehicle tanker(String owner) {
    return RegistryVehicle.newBuilder().setPlate(plate()).setPlateColor(PlateColor.PLATE_COLOR_YELLOW)
        .setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZMAT).setVin(vin()).setOwnerId(owner)
        .setTransportPermit(TransportPermit.newBuilder().setNumber("苏交运32010001").setExpiresOn("2031-06-30"))
        .build();
  }

  static Goods gasoline() {
    return Goods.newBuilder().setName("汽油").setHazardClass("3").setUnNumber("UN1203").setAmount("28.5")
        .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE).build();
  }

  static TimeWindow window(Duration fromNow, Duration length) {
    Instant from = Instant.now().plus(fromNow).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return TimeWindow.newBuilder().setFrom(ts(from)).setUntil(ts(from.plus(length))).build();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  /** Stubs for one user; each call gets a fresh 30 s deadline. */
  record Calls(Channel channel, String token) {

    static Calls as(TestServer server, String user) {
      return new Calls(server.channel(), server.login(user));
    }

    RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
      return RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
          .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments() {
      return AppointmentServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
          .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    ReviewServiceGrpc.ReviewServiceBlockingStub review() {
      return ReviewServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
          .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    BlacklistServiceGrpc.BlacklistServiceBlockingStub blacklist() {
      return BlacklistServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(token))
          .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    RegistryPerson save(RegistryPerson p) {
      return registry().upsertPerson(UpsertPersonRequest.newBuilder().setRequestId(requestId()).setPerson(p).build());
    }

    RegistryVehicle save(RegistryVehicle v) {
      return registry().upsertVehicle(UpsertVehicleRequest.newBuilder().setRequestId(requestId()).setVehicle(v).build());
    }

    RegistryEnterprise save(RegistryEnterprise e) {
      return registry().upsertEnterprise(UpsertEnterpriseRequest.newBuilder().setRequestId(requestId())
          .setEnterprise(e).build());
    }
  }
}
