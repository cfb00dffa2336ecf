package io.cordon.client.registration;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.GetEnterpriseRequest;
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
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.SetReviewerDepartmentsRequest;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.TransportPermit;
import io.cordon.api.v1.UpsertEnterpriseRequest;
import io.cordon.api.v1.UpsertPersonRequest;
import io.cordon.api.v1.UpsertVehicleRequest;
import io.cordon.api.v1.VehicleClass;
import io.cordon.client.connection.ServerConnection;
import io.cordon.domain.identity.CreditCode;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.identity.Vin;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * For demos and tests only: what an enterprise applicant would do through the API to put one
 * hazmat delivery (gasoline, UN1203, class 3) into the reviewers' inbox — register a driver, an
 * escort and a tanker, draft and submit. {@link #prepare} does the admin's part first: it links
 * the applicant account to a hauling enterprise and lets a reviewer answer for every department.
 * Blocking calls, each with {@link ServerConnection#CALL_DEADLINE}.
 */
public final class DemoHazmatSubmission {
  /** The receiving enterprise in the sample park, with loading point LP1. */
  public static final String HOST = "ENT-01";
  /** The hauling enterprise used when the applicant account acts for none yet. */
  public static final String HAULIER = "ENT-18";

  private DemoHazmatSubmission() {}

  /**
   * As admin: makes sure the host exists and {@code applicant} acts for an enterprise (the one it
   * is linked to already, else {@link #HAULIER}), and gives {@code reviewer} the safety, emergency
   * management and environmental protection departments. Returns the applicant's enterprise id.
   */
  public static String prepare(ServerConnection admin, String applicant, String reviewer) {
    RegistryServiceGrpc.RegistryServiceBlockingStub registry = ready(RegistryServiceGrpc.newBlockingStub(admin.channel()), admin);
    if (find(admin, HOST).isEmpty()) {
      ready(RegistryServiceGrpc.newBlockingStub(admin.channel()), admin).upsertEnterprise(UpsertEnterpriseRequest
          .newBuilder().setRequestId(RegistrationClient.requestId())
          .setEnterprise(enterprise(HOST, "江澄石化储运有限公司", "91320582MA1M00001", List.of())).build());
    }
    Optional<RegistryEnterprise> linked = registry.searchEnterprises(SearchRequest.newBuilder().setLimit(500).build())
        .getEnterprisesList().stream().filter(e -> e.getApplicantUsernamesList().contains(applicant)).findFirst();
    String haulier = linked.map(RegistryEnterprise::getEnterpriseId).orElse(HAULIER);
    if (linked.isEmpty()) {
      RegistryEnterprise existing = find(admin, HAULIER)
          .orElse(enterprise(HAULIER, "中澄化工物流有限公司", "91320582MA1M00002", List.of()));
      ready(RegistryServiceGrpc.newBlockingStub(admin.channel()), admin).upsertEnterprise(UpsertEnterpriseRequest
          .newBuilder().setRequestId(RegistrationClient.requestId())
          .setEnterprise(existing.toBuilder().addApplicantUsernames(applicant).clearVersion()).build());
    }
    ready(ReviewServiceGrpc.newBlockingStub(admin.channel()), admin).setReviewerDepartments(
        SetReviewerDepartmentsRequest.newBuilder().setRequestId(RegistrationClient.requestId()).setUsername(reviewer)
            .addDepartments(Department.DEPARTMENT_SAFETY).addDepartments(Department.DEPARTMENT_EMERGENCY_MANAGEMENT)
            .addDepartments(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION).build());
    return haulier;
  }

  /** As the applicant of {@code haulier}: registers a crew and a tanker and submits a delivery 30 h ahead. */
  public static Application submit(ServerConnection applicant, String haulier) {
    RegistryPerson driver = save(applicant, RegistryPerson.newBuilder().setName("王建国").setIdNumber(idNumber())
        .setPhone("13912345678").setEnterpriseId(haulier).setRole(PersonRole.PERSON_ROLE_DRIVER)
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DRIVING_LICENCE, "A2", "2031-12-31"))
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_DRIVER, "", "2030-06-30"))
        .build());
    RegistryPerson escort = save(applicant, RegistryPerson.newBuilder().setName("李明").setIdNumber(idNumber())
        .setPhone("13712345678").setEnterpriseId(haulier).setRole(PersonRole.PERSON_ROLE_ESCORT)
        .addCertificates(certificate(CertificateKind.CERTIFICATE_KIND_DANGEROUS_GOODS_ESCORT, "", "2029-03-31"))
        .build());
    RegistryVehicle tanker = ready(RegistryServiceGrpc.newBlockingStub(applicant.channel()), applicant)
        .upsertVehicle(UpsertVehicleRequest.newBuilder().setRequestId(RegistrationClient.requestId())
            .setVehicle(RegistryVehicle.newBuilder().setPlate(plate()).setPlateColor(PlateColor.PLATE_COLOR_YELLOW)
                .setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZMAT).setVin(vin()).setOwnerId(haulier)
                .setTransportPermit(TransportPermit.newBuilder().setNumber("苏交运320582001234")
                    .setExpiresOn("2031-06-30")))
            .build());
    Instant from = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
    ApplicationDraft draft = ApplicationDraft.newBuilder().setHost(HOST).setPurpose("汽油卸车入库")
        .addVehicles(tanker.getPlate()).setDriver(driver.getPersonId()).setEscort(escort.getPersonId())
        .addGoods(Goods.newBuilder().setName("汽油").setHazardClass("3").setUnNumber("UN1203").setAmount("28.5")
            .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE))
        .setWindow(TimeWindow.newBuilder().setFrom(ts(from)).setUntil(ts(from.plus(Duration.ofHours(6)))))
        .setRoute("R-HAZ-1").setLoadingPoint("LP1").addRequestedZones("Z-KEY-3").build();
    AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments =
        ready(AppointmentServiceGrpc.newBlockingStub(applicant.channel()), applicant);
    Application created = appointments.createDraft(CreateDraftRequest.newBuilder()
        .setRequestId(RegistrationClient.requestId()).setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY)
        .setContent(draft).build());
    return ready(AppointmentServiceGrpc.newBlockingStub(applicant.channel()), applicant).submit(
        ApplicationActionRequest.newBuilder().setRequestId(RegistrationClient.requestId())
            .setApplicationId(created.getApplicationId()).setExpectedVersion(created.getVersion()).build());
  }

  private static Optional<RegistryEnterprise> find(ServerConnection admin, String id) {
    try {
      return Optional.of(ready(RegistryServiceGrpc.newBlockingStub(admin.channel()), admin)
          .getEnterprise(GetEnterpriseRequest.newBuilder().setEnterpriseId(id).build()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static RegistryPerson save(ServerConnection applicant, RegistryPerson person) {
    return ready(RegistryServiceGrpc.newBlockingStub(applicant.channel()), applicant).upsertPerson(
        UpsertPersonRequest.newBuilder().setRequestId(RegistrationClient.requestId()).setPerson(person).build());
  }

  private static RegistryEnterprise enterprise(String id, String name, String code17, List<String> usernames) {
    return RegistryEnterprise.newBuilder().setEnterpriseId(id).setName(name)
        .setCreditCode(code17 + CreditCode.checkCharacter(code17))
        .addContacts(RegistryContact.newBuilder().setName("张伟").setPosition("安全负责人").setPhone("13812345678"))
        .addLoadingPoints("LP1").addAllApplicantUsernames(usernames).build();
  }

  private static Certificate certificate(CertificateKind kind, String licenceClass, String expiresOn) {
    return Certificate.newBuilder().setKind(kind).setNumber("C" + serial(8)).setLicenceClass(licenceClass)
        .setExpiresOn(expiresOn).build();
  }

  /** A valid resident ID number, new each call with near certainty (a repeat would be refused as a duplicate). */
  private static String idNumber() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String birth = String.format("%04d%02d%02d", 1965 + random.nextInt(31), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String first17 = "320582" + birth + serial(3);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static String plate() {
    return "苏E" + serial(5);
  }

  private static String vin() {
    String v = "LGAX2A1" + serial(10);
    v = v.substring(0, 8) + "0" + v.substring(9);
    return v.substring(0, 8) + Vin.checkCharacter(v) + v.substring(9);
  }

  private static String serial(int digits) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      b.append(ThreadLocalRandom.current().nextInt(10));
    }
    return b.toString();
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  private static <S extends AbstractStub<S>> S ready(S stub, ServerConnection connection) {
    return stub.withCallCredentials(connection.callCredentials())
        .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
