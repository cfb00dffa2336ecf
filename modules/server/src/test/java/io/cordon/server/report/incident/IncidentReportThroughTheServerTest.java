package io.cordon.server.report.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AlarmSeverity;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.QueryEventsRequest;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.VerifyReportRequest;
import io.cordon.server.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server as installed: a supervisor groups an alarm into an incident and gets its signed report. */
class IncidentReportThroughTheServerTest {

  @TempDir
  Path dataDir;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.withDemoUsers(dataDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSupervisorsReportIsSignedInTheJournalAndVerifiesOnlyUnchanged() {
    Incident incident = incidentOfOneManualAlarm();
    IncidentServiceGrpc.IncidentServiceBlockingStub supervisor = incidents("supervisor");

    IncidentReport report = supervisor.withDeadlineAfter(90, TimeUnit.SECONDS).renderReport(
        RenderReportRequest.newBuilder().setIncidentId(incident.getId()).build());

    PdfReading pdf = PdfReading.of(report.getPdf().toByteArray());
    assertThat(pdf.pages().get(0)).contains(incident.getId()).contains("东门围栏破损");
    assertThat(supervisor.get(io.cordon.api.v1.GetIncidentRequest.newBuilder().setIncidentId(incident.getId())
        .build()).getReportHashesList()).containsExactly(report.getSha256());
    assertThat(EventServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("supervisor")))
        .query(QueryEventsRequest.newBuilder().setFrom(ts(Instant.now().minusSeconds(3600)))
            .setTo(ts(Instant.now().plusSeconds(60))).addTypes("report.signed")
            .addSubjects(SubjectRef.newBuilder().setKind("incident").setId(incident.getId())).build())
        .getEventsList()).singleElement()
        .satisfies(e -> assertThat(e.getAttributesMap()).containsEntry("sha256", report.getSha256()));
    assertThat(supervisor.verifyReport(VerifyReportRequest.newBuilder().setPdf(report.getPdf()).build())
        .getSignedHere()).isTrue();
    byte[] changed = report.getPdf().toByteArray();
    changed[changed.length / 2] ^= 1;
    assertThat(supervisor.verifyReport(VerifyReportRequest.newBuilder().setPdf(ByteString.copyFrom(changed)).build())
        .getSignedHere()).isFalse();
  }

  @Test
  void anOperatorMayNotIssueReports() {
    Incident incident = incidentOfOneManualAlarm();

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> incidents("operator")
        .renderReport(RenderReportRequest.newBuilder().setIncidentId(incident.getId()).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  private Incident incidentOfOneManualAlarm() {
    Alarm alarm = AlarmServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login("operator"))).withDeadlineAfter(10, TimeUnit.SECONDS)
        .reportManual(ManualAlarmRequest.newBuilder().setRequestId("m-1")
            .setSeverity(AlarmSeverity.ALARM_SEVERITY_MAJOR)
            .setLocation(LonLat.newBuilder().setLon(120.944311).setLat(31.929843)).setDetail("巡逻发现围栏破损").build());
    return incidents("supervisor").create(CreateIncidentRequest.newBuilder().setRequestId("i-1")
        .setTitle("东门围栏破损").addAlarmIds(alarm.getAlarmId()).build());
  }

  private IncidentServiceGrpc.IncidentServiceBlockingStub incidents(String user) {
    return IncidentServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(TestServer.bearer(server.login(user))).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static com.google.protobuf.Timestamp ts(Instant i) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }
}
