package io.cordon.server.registration;

import static io.cordon.server.registration.RegistrationFixtures.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.AddToBlacklistRequest;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.BlacklistSubject;
import io.cordon.api.v1.ConfirmExitRequest;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.EditDraftRequest;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.FieldReason;
import io.cordon.api.v1.GetApplicationRequest;
import io.cordon.api.v1.GetPermitRequest;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.ImportFormat;
import io.cordon.api.v1.ImportKind;
import io.cordon.api.v1.ImportRegistryRequest;
import io.cordon.api.v1.ImportReport;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.ListBlacklistRequest;
import io.cordon.api.v1.ListMineRequest;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PermitActionRequest;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.ListViolationsRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.ReasonedActionRequest;
import io.cordon.api.v1.RevokePermitRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.SetReviewerDepartmentsRequest;
import io.cordon.api.v1.SubjectKind;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.UpsertPersonRequest;
import io.cordon.api.v1.UpsertVehicleRequest;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationKind;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.registration.RegistrationFixtures.Calls;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration, appointments, review and the blacklist over real gRPC on one server. Each test uses
 * people and vehicles of its own (fresh ID numbers and plates), so tests do not count on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationOverGrpcTest {

  static final String HOST = "ENT-01";
  static final String HAULIER = "ENT-18";

  @TempDir
  static Path dataDir;
  TestServer server;

  /** The server's configuration: H2 in the test directory here, PostgreSQL in the subclass. */
  ServerConfig.Builder config() {
    return ServerConfig.builder().dataDir(dataDir).demoUsers(true);
  }

  @BeforeAll
  void start() {
    ServerConfig config = config().build();
    RegistrationFixtures.createAccounts(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()));
    server = TestServer.with(config);
    Calls admin = calls("admin");
    admin.save(RegistrationFixtures.enterprise(HOST, "江澄石化储运有限公司", "91320582MA1M00001", "ent-host"));
    admin.save(RegistrationFixtures.enterprise(HAULIER, "中澄化工物流有限公司", "91320582MA1M00002", "ent-haulier"));
    admin.review().setReviewerDepartments(SetReviewerDepartmentsRequest.newBuilder().setRequestId(requestId())
        .setUsername("emergency").addDepartments(Department.DEPARTMENT_EMERGENCY_MANAGEMENT).build());
    admin.review().setReviewerDepartments(SetReviewerDepartmentsRequest.newBuilder().setRequestId(requestId())
        .setUsername("environment").addDepartments(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION).build());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Calls calls(String user) {
    return Calls.as(server, user);
  }

  // ---- the hazmat walk-through --------------------------------------------------------------------

  @Test
  void aHazmatDeliveryGoesFromSubmissionThroughJointReviewToAPermitIssuedToItsGates() {
    Instant before = Instant.now().minusSeconds(5);
    Application submitted = submittedHazmat(calls("ent-haulier"));
    assertThat(submitted.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
    assertThat(submitted.hasReviewDue()).isTrue();

    Application joint = approveFirst(submitted);
    assertThat(joint.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_JOINT_REVIEW);
    assertThat(joint.getPendingDepartmentsList()).containsExactlyInAnyOrder(
        Department.DEPARTMENT_EMERGENCY_MANAGEMENT, Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION);
    Application oneAgreed = opinion("emergency", joint, true);
    assertThat(oneAgreed.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_JOINT_REVIEW);
    Application approved = opinion("environment", oneAgreed, true);

    assertThat(approved.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_APPROVED);
    Permit permit = calls("ent-haulier").appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build());
    assertThat(permit.getGateIdsList()).containsExactly("G2");
    assertThat(permit.getExitConfirmationRequired()).isTrue();
    String plate = approved.getContent().getVehicles(0).getPlate();
    List<Event> issued = events("permit.issued", "gate", "G2", before);
    assertThat(issued).anySatisfy(e -> {
      assertThat(e.getSubjectsList()).contains(SubjectRef.newBuilder().setKind("permit")
          .setId(approved.getPermitId()).build());
      assertThat(e.getAttributesMap()).containsEntry("plates", plate).containsEntry("lanes", "G2/L1,G2/L3");
    });
    assertThat(events("application.submitted", "application", approved.getApplicationId(), before)).hasSize(1);
  }

  @Test
  void aHazwasteDeliveryGoesThroughJointReviewToAPermitForTheHazwasteLane() {
    Instant before = Instant.now().minusSeconds(5);
    Calls haulier = calls("ent-haulier");
    RegistryVehicle wasteTanker = haulier.save(RegistrationFixtures.tanker(HAULIER).toBuilder()
        .setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZWASTE).build());
    ApplicationDraft draft = hazmatDraft(haulier, haulier.save(RegistrationFixtures.driver(HAULIER))).toBuilder()
        .setPurpose("废矿物油外运处置").setVehicles(0, wasteTanker.getPlate())
        .setGoods(0, Goods.newBuilder().setName("废矿物油").setHazardClass("3").setUnNumber("UN1993").setAmount("12")
            .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE).setWasteCode("HW08"))
        .build();
    Application submitted = haulier.appointments().submit(action(create(haulier,
        ApplicationKind.APPLICATION_KIND_HAZWASTE_DELIVERY, draft)));
    assertThat(submitted.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);

    Application joint = calls("supervisor").review().approve(ApproveRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(submitted.getApplicationId()).setExpectedVersion(submitted.getVersion())
        .setScope(PermitScope.newBuilder().addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L4"))
            .addZones("Z-KEY-3")).build());
    assertThat(joint.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_JOINT_REVIEW);
    Application oneAgreed = opinion("environment", joint, true);
    assertThat(oneAgreed.getPendingDepartmentsList()).containsExactly(Department.DEPARTMENT_EMERGENCY_MANAGEMENT);
    Application approved = opinion("emergency", oneAgreed, true);

    assertThat(approved.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_APPROVED);
    Permit permit = haulier.appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build());
    assertThat(permit.getGateIdsList()).containsExactly("G2");
    assertThat(permit.getVehiclesList()).singleElement().satisfies(v -> {
      assertThat(v.getPlate()).isEqualTo(approved.getContent().getVehicles(0).getPlate());
      assertThat(v.getVehicleClass()).isEqualTo(VehicleClass.VEHICLE_CLASS_HAZWASTE);
    });
    assertThat(permit.getExitConfirmationRequired()).isTrue();
    assertThat(approved.getContent().getGoods(0).getWasteCode()).isEqualTo("HW08");
    assertThat(events("permit.issued", "permit", approved.getPermitId(), before)).singleElement()
        .satisfies(e -> assertThat(e.getAttributesMap()).containsEntry("lanes", "G2/L4"));
  }

  @Test
  void aJointObjectionReturnsTheApplicationToTheApplicantWithItsReasons() {
    Application joint = approveFirst(submittedHazmat(calls("ent-haulier")));
    Application returned = calls("emergency").review().giveOpinion(OpinionRequest.newBuilder()
        .setRequestId(requestId()).setApplicationId(joint.getApplicationId()).setExpectedVersion(joint.getVersion())
        .setAgrees(false).addObjections(FieldReason.newBuilder().setField("content.route").setReason("路线经过居民区"))
        .build());

    assertThat(returned.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_RETURNED);
    assertThat(returned.getReasonsList()).containsExactly(
        FieldReason.newBuilder().setField("content.route").setReason("路线经过居民区").build());
    assertThat(calls("ent-haulier").appointments().getApplication(GetApplicationRequest.newBuilder()
        .setApplicationId(returned.getApplicationId()).build()).getState())
        .isEqualTo(ApplicationState.APPLICATION_STATE_RETURNED);
  }

  @Test
  void aBlacklistedDriverIsRejectedAutomaticallyOnSubmission() {
    Calls haulier = calls("ent-haulier");
    RegistryPerson driver = haulier.save(RegistrationFixtures.driver(HAULIER));
    Violation forced = calls("supervisor").blacklist().recordViolation(RecordViolationRequest.newBuilder()
        .setRequestId(requestId()).setKind(ViolationKind.VIOLATION_KIND_FORCING_GATE)
        .setAt(RegistrationFixtures.ts(Instant.now().minusSeconds(600))).setPersonId(driver.getPersonId())
        .setGateId("G1").addEvidence("media://clips/G1/forced.mp4").setDescription("强行冲卡").build());
    assertThat(forced.getBlacklistEntryIdsList()).hasSize(1);
    assertThat(forced.getEvidenceList()).containsExactly("media://clips/G1/forced.mp4");
    assertThat(calls("supervisor").blacklist().listViolations(ListViolationsRequest.newBuilder().build())
        .getViolationsList()).filteredOn(v -> v.getViolationId().equals(forced.getViolationId()))
        .singleElement().satisfies(v -> assertThat(v.getEvidenceList()).containsExactly("media://clips/G1/forced.mp4"));

    Application rejected = haulier.appointments().submit(action(draftHazmat(haulier, driver)));

    assertThat(rejected.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_REJECTED);
    assertThat(rejected.getReasonsList()).extracting(FieldReason::getField).contains("content.driver");
    assertThat(rejected.getHistoryList().get(rejected.getHistoryCount() - 1).getAction()).isEqualTo("auto_reject");
  }

  @Test
  void aHazmatDeliveryByABlacklistedVehicleIsRejectedAutomaticallyNamingTheVehicle() {
    Calls haulier = calls("ent-haulier");
    ApplicationDraft draft = hazmatDraft(haulier, haulier.save(RegistrationFixtures.driver(HAULIER)));
    String plate = draft.getVehicles(0);
    calls("supervisor").blacklist().addToBlacklist(AddToBlacklistRequest.newBuilder().setRequestId(requestId())
        .setSubject(vehicle(plate)).setReason("公安通报：套牌车辆").build());

    Application rejected = haulier.appointments().submit(action(create(haulier,
        ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY, draft)));

    assertThat(rejected.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_REJECTED);
    assertThat(rejected.getReasonsList()).anySatisfy(r -> {
      assertThat(r.getField()).isEqualTo("content.vehicles[0].plate");
      assertThat(r.getReason()).contains("公安通报：套牌车辆");
    });
    assertThat(rejected.getReasonsList()).extracting(FieldReason::getField).doesNotContain("content.driver");
    assertThat(rejected.getHistoryList().get(rejected.getHistoryCount() - 1).getAction()).isEqualTo("auto_reject");
  }

  @Test
  void aVisitIsConfirmedByTheVisitedEnterpriseBeforeTheParkApprovesIt() {
    Calls host = calls("ent-host");
    Application submitted = host.appointments().submit(action(draftVisit(host)));
    assertThat(submitted.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_SUBMITTED);

    Application confirmed = host.appointments().confirm(ApplicationActionRequest.newBuilder()
        .setRequestId(requestId()).setApplicationId(submitted.getApplicationId())
        .setExpectedVersion(submitted.getVersion()).build());
    assertThat(confirmed.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
    Application approved = calls("supervisor").review().approve(ApproveRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(confirmed.getApplicationId()).setExpectedVersion(confirmed.getVersion())
        .setScope(PermitScope.newBuilder().addLanes(LaneRef.newBuilder().setGateId("G1").setLaneId("P1"))).build());

    assertThat(approved.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_APPROVED);
    assertThat(approved.getPermitId()).isEqualTo(approved.getApplicationId());
  }

  // ---- validation -------------------------------------------------------------------------------

  @Test
  void aWrongCheckDigitInAnIdNumberIsAFieldError() {
    RegistryPerson bad = RegistrationFixtures.visitor().toBuilder().setIdNumber(RegistrationFixtures.badIdNumber())
        .build();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> calls("ent-host").registry()
        .upsertPerson(UpsertPersonRequest.newBuilder().setRequestId(requestId()).setPerson(bad).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("person.id_number");
  }

  @Test
  void aPlateOfNoChineseFormatIsAFieldError() {
    RegistryVehicle bad = RegistrationFixtures.tanker(HAULIER).toBuilder().setPlate("沪A1234").build();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> calls("ent-haulier")
        .registry().upsertVehicle(UpsertVehicleRequest.newBuilder().setRequestId(requestId()).setVehicle(bad).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("vehicle.plate");
  }

  @Test
  void anUnknownUnNumberRefusesTheSubmissionWithAFieldError() {
    Calls haulier = calls("ent-haulier");
    ApplicationDraft draft = hazmatDraft(haulier, haulier.save(RegistrationFixtures.driver(HAULIER))).toBuilder()
        .setGoods(0, RegistrationFixtures.gasoline().toBuilder().setUnNumber("UN9999")).build();
    Application created = haulier.appointments().createDraft(CreateDraftRequest.newBuilder().setRequestId(requestId())
        .setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY).setContent(draft).build());

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> haulier.appointments().submit(action(created)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("content.goods[0].un_number");
  }

  @Test
  void aVehicleAlreadyBookedInAnOverlappingWindowIsAFieldError() {
    Calls haulier = calls("ent-haulier");
    ApplicationDraft first = hazmatDraft(haulier, haulier.save(RegistrationFixtures.driver(HAULIER)));
    haulier.appointments().submit(action(create(haulier, ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY, first)));
    ApplicationDraft second = first.toBuilder().setWindow(RegistrationFixtures.window(Duration.ofHours(32),
        Duration.ofHours(6))).build();
    Application created = create(haulier, ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY, second);

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> haulier.appointments().submit(action(created)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("content.window");
  }

  // ---- concurrency, visibility, live view ---------------------------------------------------------

  @Test
  void theSecondOfTwoReviewersDecidingOnTheSameVersionIsRefused() {
    Application submitted = submittedHazmat(calls("ent-haulier"));
    approveFirst(submitted);

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> calls("safety2").review()
        .reject(ReasonedActionRequest.newBuilder().setRequestId(requestId())
            .setApplicationId(submitted.getApplicationId()).setExpectedVersion(submitted.getVersion())
            .addReasons(FieldReason.newBuilder().setReason("资质不符")).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(fields(e)).containsExactly("expected_version");
  }

  @Test
  void anApplicantCannotReadAnotherEnterprisesApplication() {
    Application visit = draftVisit(calls("ent-host"));
    Calls haulier = calls("ent-haulier");

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> haulier.appointments()
        .getApplication(GetApplicationRequest.newBuilder().setApplicationId(visit.getApplicationId()).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(haulier.appointments().listMine(ListMineRequest.getDefaultInstance()).getApplicationsList())
        .extracting(Application::getApplicationId).doesNotContain(visit.getApplicationId());
  }

  @Test
  void theApplicantWatchingAnApplicationSeesItsStatusChangeLive() throws Exception {
    Calls host = calls("ent-host");
    Application submitted = host.appointments().submit(action(draftVisit(host)));
    BlockingQueue<Application> seen = new LinkedBlockingQueue<>();
    Context.CancellableContext watch = Context.current().withCancellation();
    watch.run(() -> AppointmentServiceGrpc.newStub(server.channel()).withCallCredentials(TestServer.bearer(host.token()))
        .watchApplication(GetApplicationRequest.newBuilder().setApplicationId(submitted.getApplicationId()).build(),
            new StreamObserver<>() {
              @Override
              public void onNext(Application value) {
                seen.add(value);
              }

              @Override
              public void onError(Throwable t) {
              }

              @Override
              public void onCompleted() {
              }
            }));
    try {
      assertThat(seen.poll(10, TimeUnit.SECONDS).getState()).isEqualTo(ApplicationState.APPLICATION_STATE_SUBMITTED);
      host.appointments().confirm(ApplicationActionRequest.newBuilder().setRequestId(requestId())
          .setApplicationId(submitted.getApplicationId()).setExpectedVersion(submitted.getVersion()).build());

      Application next = seen.poll(10, TimeUnit.SECONDS);
      assertThat(next).isNotNull();
      assertThat(next.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
    } finally {
      watch.cancel(null);
    }
  }

  // ---- import -----------------------------------------------------------------------------------

  @Test
  void anImportWithOneBadRowImportsNothingAndNamesTheRowAndField() {
    String good1 = RegistrationFixtures.idNumber();
    String good2 = RegistrationFixtures.idNumber();
    String csv = "name,id_number,phone,enterprise_id,role\n"
        + "导入甲," + good1 + ",13800000001," + HOST + ",EMPLOYEE\n"
        + "导入乙," + RegistrationFixtures.badIdNumber() + ",13800000002," + HOST + ",EMPLOYEE\n"
        + "导入丙," + good2 + ",13800000003," + HOST + ",EMPLOYEE\n";
    Calls host = calls("ent-host");

    ImportReport report = host.registry().importRegistry(importPeople(csv));

    assertThat(report.getImported()).isFalse();
    assertThat(report.getRows()).isEqualTo(3);
    assertThat(report.getErrorsList()).singleElement().satisfies(e -> {
      assertThat(e.getRow()).isEqualTo(2);
      assertThat(e.getField()).isEqualTo("id_number");
    });
    assertThat(host.registry().searchPeople(SearchRequest.newBuilder().setText(good1).build()).getPeopleList())
        .isEmpty();
  }

  @Test
  void anImportOfGoodRowsSavesThemAll() {
    String csv = "\uFEFFname,id_number,phone,enterprise_id,role\r\n"
        + "\"导入丁\"," + RegistrationFixtures.idNumber() + ",13800000004," + HOST + ",EMPLOYEE\r\n"
        + "导入戊," + RegistrationFixtures.idNumber() + ",13800000005," + HOST + ",employee\r\n";

    ImportReport report = calls("ent-host").registry().importRegistry(importPeople(csv));

    assertThat(report.getErrorsList()).isEmpty();
    assertThat(report.getImported()).isTrue();
    assertThat(report.getCreated()).isEqualTo(2);
  }

  @Test
  void anEnterpriseImportWithABadCreditCodeImportsNoEnterpriseUntilTheRowIsFixed() {
    String good = RegistrationFixtures.creditCode("91320582MA1M00091");
    String fixed = RegistrationFixtures.creditCode("91320582MA1M00092");
    String bad = fixed.substring(0, 17) + (fixed.charAt(17) == '1' ? '2' : '1');
    String header = "enterprise_id,name,credit_code,contact_name,contact_position,contact_phone,loading_points\n";
    String first = "ENT-91,导入甲化工有限公司," + good + ",周强,安全负责人,13800000091,LP1;LP2\n";
    String second = "ENT-92,导入乙化工有限公司,%s,吴敏,安全负责人,13800000092,\n";
    Calls admin = calls("admin");

    ImportReport refused = admin.registry().importRegistry(importOf(ImportKind.IMPORT_KIND_ENTERPRISES,
        header + first + String.format(second, bad)));

    assertThat(refused.getImported()).isFalse();
    assertThat(refused.getErrorsList()).extracting(e -> e.getRow() + ":" + e.getField())
        .containsExactly("2:credit_code");
    assertThat(admin.registry().searchEnterprises(SearchRequest.newBuilder().setText("导入甲化工").build())
        .getEnterprisesList()).isEmpty();

    ImportReport imported = admin.registry().importRegistry(importOf(ImportKind.IMPORT_KIND_ENTERPRISES,
        header + first + String.format(second, fixed)));

    assertThat(imported.getErrorsList()).isEmpty();
    assertThat(imported.getCreated()).isEqualTo(2);
    assertThat(admin.registry().searchEnterprises(SearchRequest.newBuilder().setText("导入甲化工").build())
        .getEnterprisesList()).singleElement().satisfies(e -> {
          assertThat(e.getCreditCode()).isEqualTo(good);
          assertThat(e.getLoadingPointsList()).containsExactly("LP1", "LP2");
        });
  }

  @Test
  void aVehicleImportWithABadPlateAndAForeignOwnerImportsNoVehicleAndNamesBoth() {
    String goodPlate = RegistrationFixtures.plate();
    String csv = "plate,plate_color,vehicle_class,vin,owner_id,transport_permit_number,transport_permit_expires_on\n"
        + goodPlate + ",YELLOW,HAZMAT," + RegistrationFixtures.vin() + "," + HAULIER + ",苏交运32010002,2031-06-30\n"
        + "沪A1234,BLUE,ORDINARY," + RegistrationFixtures.vin() + "," + HAULIER + ",,\n"
        + RegistrationFixtures.plate() + ",BLUE,ORDINARY," + RegistrationFixtures.vin() + "," + HOST + ",,\n"
        + RegistrationFixtures.plate() + ",YELLOW,HAZWASTE," + RegistrationFixtures.vin() + "," + HAULIER
        + ",苏交运32010003,2031-06-30\n";
    Calls haulier = calls("ent-haulier");

    ImportReport report = haulier.registry().importRegistry(importOf(ImportKind.IMPORT_KIND_VEHICLES, csv));

    assertThat(report.getImported()).isFalse();
    assertThat(report.getRows()).isEqualTo(4);
    assertThat(report.getErrorsList()).extracting(e -> e.getRow() + ":" + e.getField())
        .containsExactly("2:plate", "3:owner_id");
    assertThat(haulier.registry().searchVehicles(SearchRequest.newBuilder().setText(goodPlate).build())
        .getVehiclesList()).isEmpty();
  }

  @Test
  void anXlsxImportWithBadRowsImportsNothingAndNamesEachRowAndField() throws Exception {
    String good1 = RegistrationFixtures.idNumber();
    String good2 = RegistrationFixtures.idNumber();
    byte[] workbook = Workbooks.people(
        new Object[] {"表格甲", good1, 13800000011L, HOST, "EMPLOYEE"},
        new Object[] {"表格乙", RegistrationFixtures.badIdNumber(), 13800000012L, HOST, "EMPLOYEE"},
        new Object[] {"表格丙", good2, "138000000", HOST, "EMPLOYEE"},
        new Object[] {"表格丁", RegistrationFixtures.idNumber(), 13800000014L, HOST, "EMPLOYEE"});
    Calls host = calls("ent-host");

    ImportReport report = host.registry().importRegistry(importPeople(workbook));

    assertThat(report.getImported()).isFalse();
    assertThat(report.getRows()).isEqualTo(4);
    assertThat(report.getErrorsList()).extracting(e -> e.getRow() + ":" + e.getField())
        .containsExactly("2:id_number", "3:phone");
    assertThat(host.registry().searchPeople(SearchRequest.newBuilder().setText(good1).build()).getPeopleList())
        .isEmpty();
  }

  @Test
  void anXlsxImportReadsNumberAndDateCellsAsACsvWouldHoldThem() throws Exception {
    String id = RegistrationFixtures.idNumber();
    byte[] workbook = Workbooks.driver("表格司机", id, 13800000021L, HAULIER, java.time.LocalDate.of(2031, 12, 31));
    Calls haulier = calls("ent-haulier");

    ImportReport report = haulier.registry().importRegistry(importPeople(workbook));

    assertThat(report.getErrorsList()).isEmpty();
    assertThat(report.getCreated()).isEqualTo(1);
    RegistryPerson saved = haulier.registry().searchPeople(SearchRequest.newBuilder().setText(id).build())
        .getPeople(0);
    assertThat(saved.getPhone()).isEqualTo("13800000021");
    assertThat(saved.getCertificates(0).getExpiresOn()).isEqualTo("2031-12-31");
  }

  @Test
  void aFileThatIsNoWorkbookIsRefusedOnTheContentField() {
    ImportRegistryRequest request = importPeople("name,id_number\n张三,1\n").toBuilder()
        .setFormat(ImportFormat.IMPORT_FORMAT_XLSX).build();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls("ent-host").registry().importRegistry(request));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("content");
  }

  // ---- exit confirmation ----------------------------------------------------------------------------

  @Test
  void aHazmatVehicleMayLeaveOnlyAfterTheHostConfirmsTheWorkIsDone() {
    Instant before = Instant.now().minusSeconds(5);
    Application approved = opinion("environment", opinion("emergency",
        approveFirst(submittedHazmat(calls("ent-haulier"))), true), true);
    Calls haulier = calls("ent-haulier");
    Permit requested = haulier.appointments().requestExit(PermitActionRequest.newBuilder().setRequestId(requestId())
        .setPermitId(approved.getPermitId()).build());
    assertThat(requested.getExitConfirmationRequired()).isTrue();
    assertThat(requested.getExitCleared()).isFalse();
    assertThat(requested.hasExitConfirmationDue()).isTrue();

    StatusRuntimeException notHost = catchThrowableOfType(StatusRuntimeException.class, () -> haulier.appointments()
        .confirmExit(exit(approved, true, true)));
    StatusRuntimeException notDone = catchThrowableOfType(StatusRuntimeException.class, () -> calls("ent-host")
        .appointments().confirmExit(exit(approved, false, true)));
    Permit confirmed = calls("ent-host").appointments().confirmExit(exit(approved, true, true));

    assertThat(notHost.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(notDone.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(notDone)).containsExactly("work_done");
    assertThat(confirmed.getExitCleared()).isTrue();
    assertThat(confirmed.getExitConfirmation().getBy()).isEqualTo("ent-host");
    assertThat(events("permit.exit_confirmed", "gate", "G2", before)).anySatisfy(e -> assertThat(
        e.getSubjectsList()).contains(SubjectRef.newBuilder().setKind("permit").setId(approved.getPermitId()).build()));
  }

  // ---- revocation -----------------------------------------------------------------------------------

  @Test
  void aSupervisorRevokesAnIssuedPermitWithAReasonAndTheGatesOfItsIssueAreTold() {
    Instant before = Instant.now().minusSeconds(5);
    Application approved = approvedHazmat();

    Permit revoked = calls("supervisor").review().revokePermit(revoke(approved, "驾驶员资质存疑，暂停入园"));

    assertThat(revoked.hasRevocation()).isTrue();
    assertThat(revoked.getRevocation().getBy()).isEqualTo("supervisor");
    assertThat(revoked.getRevocation().getReason()).isEqualTo("驾驶员资质存疑，暂停入园");
    assertThat(calls("ent-haulier").appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build()).getRevocation()).isEqualTo(revoked.getRevocation());
    SubjectRef permit = SubjectRef.newBuilder().setKind("permit").setId(approved.getPermitId()).build();
    Event issued = events("permit.issued", "permit", approved.getPermitId(), before).get(0);
    List<Event> revokedEvents = events("permit.revoked", "permit", approved.getPermitId(), before);
    assertThat(revokedEvents).singleElement().satisfies(e -> {
      assertThat(e.getSubjectsList()).contains(permit);
      assertThat(gates(e)).isNotEmpty().containsExactlyInAnyOrderElementsOf(gates(issued));
    });
  }

  @Test
  void aPermitRevokedOnceCannotBeRevokedAgain() {
    Application approved = approvedHazmat();
    Calls supervisor = calls("supervisor");
    supervisor.review().revokePermit(revoke(approved, "窗口期内停产检修"));

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> supervisor.review().revokePermit(revoke(approved, "再次撤销")));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(supervisor.appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build()).getRevocation().getReason()).isEqualTo("窗口期内停产检修");
  }

  @Test
  void aRevocationWithoutAReasonIsAFieldError() {
    Application approved = approvedHazmat();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls("supervisor").review().revokePermit(revoke(approved, "  ")));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("reason");
    assertThat(calls("ent-haulier").appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build()).hasRevocation()).isFalse();
  }

  @Test
  void anApplicantCannotRevokeAPermit() {
    Application approved = approvedHazmat();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> calls("ent-haulier").review().revokePermit(revoke(approved, "不需要了")));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(calls("ent-haulier").appointments().getPermit(GetPermitRequest.newBuilder()
        .setPermitId(approved.getPermitId()).build()).hasRevocation()).isFalse();
  }

  // ---- journal --------------------------------------------------------------------------------------

  @Test
  void everyStateChangeOfAnApplicationIsAJournalEventInItsOrder() {
    Instant before = Instant.now().minusSeconds(5);
    Calls host = calls("ent-host");
    Application submitted = host.appointments().submit(action(draftVisit(host)));
    Application confirmed = host.appointments().confirm(action(submitted));
    Application returned = calls("supervisor").review().return_(ReasonedActionRequest.newBuilder()
        .setRequestId(requestId()).setApplicationId(confirmed.getApplicationId())
        .setExpectedVersion(confirmed.getVersion()).addReasons(FieldReason.newBuilder().setField("content.purpose")
            .setReason("写明拜访对象")).build());
    Application edited = host.appointments().editDraft(EditDraftRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(returned.getApplicationId()).setExpectedVersion(returned.getVersion())
        .setContent(visitDraftOf(returned).toBuilder().setPurpose("拜访安全部陈经理")).build());
    Application resubmitted = host.appointments().submit(action(edited));
    Application withdrawn = host.appointments().withdraw(action(resubmitted));

    List<String> journalled = events("application.", "application", withdrawn.getApplicationId(), before).stream()
        .map(Event::getType).toList();

    assertThat(withdrawn.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_WITHDRAWN);
    assertThat(journalled).containsExactlyElementsOf(withdrawn.getHistoryList().stream()
        .map(t -> RegistrationEvents.typeOf(t.getAction())).toList());
    assertThat(journalled).hasSize(7);
  }

  // ---- restart (last: it changes the port) ----------------------------------------------------------

  @Test
  @Order(Integer.MAX_VALUE)
  void aRestartKeepsApplicationsPermitsAndTheBlacklist() {
    Application approved = opinion("environment", opinion("emergency",
        approveFirst(submittedHazmat(calls("ent-haulier"))), true), true);
    RegistryPerson banned = calls("ent-haulier").save(RegistrationFixtures.driver(HAULIER));
    Instant until = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    BlacklistEntry added = calls("supervisor").blacklist().addToBlacklist(AddToBlacklistRequest.newBuilder()
        .setRequestId(requestId()).setSubject(person(banned.getPersonId())).setReason("公安通报：涉嫌违规运输")
        .setUntil(RegistrationFixtures.ts(until)).build());

    server.restart();

    Calls haulier = calls("ent-haulier");
    Application reloaded = haulier.appointments().getApplication(GetApplicationRequest.newBuilder()
        .setApplicationId(approved.getApplicationId()).build());
    assertThat(reloaded.toBuilder().clearOverdue().build()).isEqualTo(approved.toBuilder().clearOverdue().build());
    assertThat(haulier.appointments().getPermit(GetPermitRequest.newBuilder().setPermitId(approved.getPermitId())
        .build()).getGateIdsList()).containsExactly("G2");
    assertThat(calls("supervisor").blacklist().listBlacklist(ListBlacklistRequest.newBuilder()
        .setSubject(person(banned.getPersonId())).setIncludeInactive(true).build()).getEntriesList())
        .singleElement().satisfies(e -> {
          assertThat(e.getEntryId()).isEqualTo(added.getEntryId());
          assertThat(e.getSubject()).isEqualTo(person(banned.getPersonId()));
          assertThat(e.getReason()).isEqualTo("公安通报：涉嫌违规运输");
          assertThat(e.getUntil()).isEqualTo(RegistrationFixtures.ts(until));
          assertThat(e.getActive()).isTrue();
        });
  }

  // ---- helpers --------------------------------------------------------------------------------

  Application approvedHazmat() {
    return opinion("environment", opinion("emergency", approveFirst(submittedHazmat(calls("ent-haulier"))), true),
        true);
  }

  static RevokePermitRequest revoke(Application approved, String reason) {
    return RevokePermitRequest.newBuilder().setRequestId(requestId()).setPermitId(approved.getPermitId())
        .setReason(reason).build();
  }

  /** The gates an event names as its subjects. */
  static List<String> gates(Event e) {
    return e.getSubjectsList().stream().filter(s -> s.getKind().equals("gate")).map(SubjectRef::getId).toList();
  }

  ApplicationDraft hazmatDraft(Calls haulier, RegistryPerson driver) {
    RegistryPerson escort = haulier.save(RegistrationFixtures.escort(HAULIER));
    RegistryVehicle tanker = haulier.save(RegistrationFixtures.tanker(HAULIER));
    return ApplicationDraft.newBuilder().setHost(HOST).setPurpose("汽油卸车").addVehicles(tanker.getPlate())
        .setDriver(driver.getPersonId()).setEscort(escort.getPersonId()).addGoods(RegistrationFixtures.gasoline())
        .setWindow(RegistrationFixtures.window(Duration.ofHours(30), Duration.ofHours(6))).setRoute("R-HAZ-1")
        .setLoadingPoint("LP1").addRequestedZones("Z-KEY-3").build();
  }

  Application draftHazmat(Calls haulier, RegistryPerson driver) {
    return create(haulier, ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY, hazmatDraft(haulier, driver));
  }

  Application submittedHazmat(Calls haulier) {
    return haulier.appointments().submit(action(draftHazmat(haulier, haulier.save(RegistrationFixtures.driver(HAULIER)))));
  }

  Application draftVisit(Calls host) {
    RegistryPerson visitor = host.save(RegistrationFixtures.visitor());
    return create(host, ApplicationKind.APPLICATION_KIND_VISITOR, ApplicationDraft.newBuilder().setHost(HOST)
        .setPurpose("商务洽谈").addPeople(visitor.getPersonId())
        .setWindow(RegistrationFixtures.window(Duration.ofHours(6), Duration.ofHours(4))).build());
  }

  static Application create(Calls calls, ApplicationKind kind, ApplicationDraft draft) {
    return calls.appointments().createDraft(CreateDraftRequest.newBuilder().setRequestId(requestId()).setKind(kind)
        .setContent(draft).build());
  }

  Application approveFirst(Application underReview) {
    return calls("supervisor").review().approve(ApproveRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(underReview.getApplicationId()).setExpectedVersion(underReview.getVersion())
        .setScope(PermitScope.newBuilder()
            .addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L1"))
            .addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L3"))
            .addZones("Z-KEY-3")).build());
  }

  Application opinion(String reviewer, Application a, boolean agrees) {
    return calls(reviewer).review().giveOpinion(OpinionRequest.newBuilder().setRequestId(requestId())
        .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion()).setAgrees(agrees).build());
  }

  static ApplicationActionRequest action(Application a) {
    return ApplicationActionRequest.newBuilder().setRequestId(requestId()).setApplicationId(a.getApplicationId())
        .setExpectedVersion(a.getVersion()).build();
  }

  static ImportRegistryRequest importPeople(byte[] xlsx) {
    return ImportRegistryRequest.newBuilder().setRequestId(requestId()).setKind(ImportKind.IMPORT_KIND_PEOPLE)
        .setFormat(ImportFormat.IMPORT_FORMAT_XLSX).setContent(ByteString.copyFrom(xlsx)).build();
  }

  static ConfirmExitRequest exit(Application approved, boolean workDone, boolean nothingSpilled) {
    return ConfirmExitRequest.newBuilder().setRequestId(requestId()).setPermitId(approved.getPermitId())
        .setWorkDone(workDone).setNothingSpilled(nothingSpilled).setNote("卸车完毕，无泄漏").build();
  }

  /** The draft an application's content came from (ids instead of snapshots). */
  static ApplicationDraft visitDraftOf(Application a) {
    io.cordon.api.v1.ApplicationContent c = a.getContent();
    return ApplicationDraft.newBuilder().setHost(c.getHost()).setPurpose(c.getPurpose())
        .addAllPeople(c.getPeopleList().stream().map(RegistryPerson::getPersonId).toList()).setWindow(c.getWindow())
        .build();
  }

  static ImportRegistryRequest importOf(ImportKind kind, String csv) {
    return ImportRegistryRequest.newBuilder().setRequestId(requestId()).setKind(kind)
        .setContent(ByteString.copyFrom(csv, StandardCharsets.UTF_8)).build();
  }

  static ImportRegistryRequest importPeople(String csv) {
    return ImportRegistryRequest.newBuilder().setRequestId(requestId()).setKind(ImportKind.IMPORT_KIND_PEOPLE)
        .setContent(ByteString.copyFrom(csv, StandardCharsets.UTF_8)).build();
  }

  List<Event> events(String type, String subjectKind, String subjectId, Instant from) {
    return EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor"))).withDeadlineAfter(30, TimeUnit.SECONDS)
        .query(QueryEventsRequest.newBuilder().setFrom(RegistrationFixtures.ts(from))
            .setTo(RegistrationFixtures.ts(Instant.now().plusSeconds(60))).addTypes(type)
            .addSubjects(SubjectRef.newBuilder().setKind(subjectKind).setId(subjectId)).setPageSize(100).build())
        .getEventsList();
  }

  static List<String> fields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).flatMap(d -> {
      try {
        return d.unpack(BadRequest.class).getFieldViolationsList().stream().map(v -> v.getField());
      } catch (com.google.protobuf.InvalidProtocolBufferException x) {
        throw new IllegalStateException(x);
      }
    }).toList();
  }

  static BlacklistSubject person(String id) {
    return BlacklistSubject.newBuilder().setKind(SubjectKind.SUBJECT_KIND_PERSON).setId(id).build();
  }

  static BlacklistSubject vehicle(String plate) {
    return BlacklistSubject.newBuilder().setKind(SubjectKind.SUBJECT_KIND_VEHICLE).setId(plate).build();
  }
}
