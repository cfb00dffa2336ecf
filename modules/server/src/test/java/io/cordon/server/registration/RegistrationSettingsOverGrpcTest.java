package io.cordon.server.registration;

import static io.cordon.server.registration.RegistrationFixtures.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationKind;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.persistence.DatabaseSettings;
import io.cordon.server.registration.RegistrationFixtures.Calls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose registration rules come from {@code cordon.registration.*} settings rather than the
 * defaults: a 48 h hazmat lead time and a penalty ladder that bans the person at the first false
 * declaration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationSettingsOverGrpcTest {

  static final String HOST = "ENT-01";
  static final String HAULIER = "ENT-18";
  static final Map<String, String> SETTINGS = Map.of(
      "cordon.registration.lead-time.hazmat", "PT48H",
      "cordon.registration.penalty.false-declaration", "1:BAN@PERSON:P7D");

  @TempDir
  static Path dataDir;
  TestServer server;

  @BeforeAll
  void start() {
    ServerConfig config = ServerConfig.builder().dataDir(dataDir).demoUsers(true)
        .registrationSettings(RegistrationSettings.read(SETTINGS::get)).build();
    RegistrationFixtures.createAccounts(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
        config.databasePassword()));
    server = TestServer.with(config);
    Calls admin = Calls.as(server, "admin");
    admin.save(RegistrationFixtures.enterprise(HOST, "江澄石化储运有限公司", "91320582MA1M00001", "ent-host"));
    admin.save(RegistrationFixtures.enterprise(HAULIER, "中澄化工物流有限公司", "91320582MA1M00002", "ent-haulier"));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aHazmatDelivery30HoursAheadIsRefusedWhenTheLeadTimeIs48Hours() throws Exception {
    Calls haulier = Calls.as(server, "ent-haulier");
    Application draft = hazmatDraft(haulier, Duration.ofHours(30));

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> haulier.appointments().submit(action(draft)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(RegistrationOverGrpcTest.fields(e)).containsExactly("content.window.from");
    assertThat(io.grpc.protobuf.StatusProto.fromThrowable(e).getDetails(0).unpack(com.google.rpc.BadRequest.class)
        .getFieldViolations(0).getDescription()).contains("at least 48 h");
  }

  @Test
  void aHazmatDelivery50HoursAheadIsAcceptedWhenTheLeadTimeIs48Hours() {
    Calls haulier = Calls.as(server, "ent-haulier");

    Application submitted = haulier.appointments().submit(action(hazmatDraft(haulier, Duration.ofHours(50))));

    assertThat(submitted.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
  }

  @Test
  void theConfiguredLadderBansThePersonAtTheFirstFalseDeclaration() {
    RegistryPerson driver = Calls.as(server, "ent-haulier").save(RegistrationFixtures.driver(HAULIER));
    Calls supervisor = Calls.as(server, "supervisor");

    Violation v = supervisor.blacklist().recordViolation(RecordViolationRequest.newBuilder()
        .setRequestId(requestId()).setKind(ViolationKind.VIOLATION_KIND_FALSE_DECLARATION)
        .setAt(RegistrationFixtures.ts(Instant.now().minusSeconds(60))).setPersonId(driver.getPersonId())
        .setDescription("申报货物与实际不符").build());

    assertThat(v.getOccurrence()).isEqualTo(1);
    assertThat(v.getSanctionsList()).singleElement().satisfies(s -> {
      assertThat(s.getType()).isEqualTo("BAN");
      assertThat(s.getBanFor()).isEqualTo("P7D");
      assertThat(s.getSubject()).isEqualTo(RegistrationOverGrpcTest.person(driver.getPersonId()));
    });
    BlacklistEntry entry = supervisor.blacklist().listBlacklist(io.cordon.api.v1.ListBlacklistRequest.newBuilder()
        .setSubject(RegistrationOverGrpcTest.person(driver.getPersonId())).build()).getEntriesList().stream()
        .filter(b -> b.getViolationId().equals(v.getViolationId())).findFirst().orElseThrow();
    Instant decided = RegistrationProtos.instant(v.getDecidedAt());
    assertThat(entry.getActive()).isTrue();
    assertThat(RegistrationProtos.instant(entry.getUntil()))
        .isEqualTo(decided.atZone(ZoneId.of("Asia/Shanghai")).plusDays(7).toInstant());
  }

  Application hazmatDraft(Calls haulier, Duration ahead) {
    RegistryPerson driver = haulier.save(RegistrationFixtures.driver(HAULIER));
    RegistryPerson escort = haulier.save(RegistrationFixtures.escort(HAULIER));
    RegistryVehicle tanker = haulier.save(RegistrationFixtures.tanker(HAULIER));
    ApplicationDraft draft = ApplicationDraft.newBuilder().setHost(HOST).setPurpose("汽油卸车")
        .addVehicles(tanker.getPlate()).setDriver(driver.getPersonId()).setEscort(escort.getPersonId())
        .addGoods(RegistrationFixtures.gasoline()).setWindow(RegistrationFixtures.window(ahead, Duration.ofHours(6)))
        .setRoute("R-HAZ-1").setLoadingPoint("LP1").addRequestedZones("Z-KEY-3").build();
    return haulier.appointments().createDraft(CreateDraftRequest.newBuilder().setRequestId(requestId())
        .setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY).setContent(draft).build());
  }

  static ApplicationActionRequest action(Application a) {
    return ApplicationActionRequest.newBuilder().setRequestId(requestId()).setApplicationId(a.getApplicationId())
        .setExpectedVersion(a.getVersion()).build();
  }
}
