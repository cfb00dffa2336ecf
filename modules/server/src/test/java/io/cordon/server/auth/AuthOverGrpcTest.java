package io.cordon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthOverGrpcTest {

  @TempDir
  static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoUsers(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void loginReturnsATokenTheRolesAndTheDisplayName() {
    LoginResponse response = auth().login(LoginRequest.newBuilder()
        .setUsername("operator").setPassword("operator").setWorkstation("desk-1").build());

    assertThat(response.getToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(response.getRolesList()).containsExactly(Role.ROLE_OPERATOR);
    assertThat(response.getDisplayName()).isEqualTo("王明（值班员）");
    assertThat(response.hasExpiresAt()).isTrue();
  }

  @Test
  void aWrongPasswordIsUnauthenticated() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> auth().login(
        LoginRequest.newBuilder().setUsername("operator").setPassword("guess").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aNulInTheUserNameIsAnInvalidArgumentNamingTheField() throws Exception {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> auth().login(
        LoginRequest.newBuilder().setUsername("oper\u0000ator").setPassword("operator").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).containsExactly("username");
  }

  @Test
  void aCallWithoutTokenIsUnauthenticated() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        ParkServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .getPark(GetParkRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aCallWithAnUnknownTokenIsUnauthenticated() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        ParkServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(TestServer.bearer("forged")).getPark(GetParkRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aDeviceMayNotQueryEvents() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        EventServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(TestServer.bearer(server.login("device")))
            .query(QueryEventsRequest.newBuilder().setFrom(Timestamp.getDefaultInstance())
                .setTo(Timestamp.newBuilder().setSeconds(1)).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void anOperatorMayNotReportAsASensor() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        SensorIngestServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(TestServer.bearer(server.login("operator")))
            .report(SensorReport.newBuilder().setRequestId("r1").setSensorId("S-001")
                .setKind(SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aDeviceMayReadTheParkPlan() {
    assertThat(ParkServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(TestServer.bearer(server.login("device")))
        .getPark(GetParkRequest.getDefaultInstance()).getPark().getSensorsCount()).isPositive();
  }

  @Test
  void theHealthServiceAnswersWithoutToken() {
    HealthCheckResponse response = HealthGrpc.newBlockingStub(server.channel())
        .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void withoutDemoModeTheDemoUsersDoNotExist(@TempDir Path otherDir) {
    try (TestServer production = TestServer.with(ServerConfig.builder().dataDir(otherDir).build())) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> production.login("operator"));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Test
  void demoUsersOfAnEmbeddedRunAreDeletedWhenTheServerStartsWithoutThem(@TempDir Path otherDir) {
    try (TestServer embedded = TestServer.withDemoUsers(otherDir)) {
      embedded.login("operator");
    }
    ServerConfig standalone = ServerConfig.builder().dataDir(otherDir).adminPassword("Long-Admin-Pass-1").build();
    try (TestServer production = TestServer.with(standalone)) {
      StatusRuntimeException operator = catchThrowableOfType(StatusRuntimeException.class,
          () -> production.login("operator"));
      StatusRuntimeException demoAdmin = catchThrowableOfType(StatusRuntimeException.class,
          () -> production.login("admin"));
      LoginResponse admin = AuthServiceGrpc.newBlockingStub(production.channel())
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("admin").setPassword("Long-Admin-Pass-1").build());

      assertThat(operator.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(demoAdmin.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(admin.getRolesList()).containsExactly(Role.ROLE_ADMIN);
    }
  }

  @Test
  void withoutDemoModeTheConfiguredAdminPasswordCreatesTheAdmin(@TempDir Path otherDir) {
    ServerConfig config = ServerConfig.builder().dataDir(otherDir).adminPassword("Long-Admin-Pass-1").build();
    try (TestServer production = TestServer.with(config)) {
      LoginResponse response = AuthServiceGrpc.newBlockingStub(production.channel())
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("admin").setPassword("Long-Admin-Pass-1").build());

      assertThat(response.getRolesList()).containsExactly(Role.ROLE_ADMIN);
      assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> production.login("admin"))
          .getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Test
  void theConfiguredDevicePasswordCreatesADeviceAccount(@TempDir Path otherDir) {
    ServerConfig config = ServerConfig.builder().dataDir(otherDir).devicePassword("Long-Device-Pass-1").build();
    try (TestServer production = TestServer.with(config)) {
      LoginResponse response = AuthServiceGrpc.newBlockingStub(production.channel())
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername("device").setPassword("Long-Device-Pass-1").build());

      assertThat(response.getRolesList()).containsExactly(Role.ROLE_DEVICE);
    }
  }

  private static AuthServiceGrpc.AuthServiceBlockingStub auth() {
    return AuthServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
  }
}
