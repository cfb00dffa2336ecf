package io.cordon.server.incident;

import static io.cordon.server.timeline.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.GetIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.server.event.EventQuery;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import io.cordon.server.persistence.TestDatabase;
import io.cordon.server.timeline.TimelineTestServer;
import io.cordon.server.timeline.Times;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor's incident from creation to its close, over gRPC. */
class IncidentLifecycleOverGrpcTest {

  static final Instant T0 = Instant.parse("2026-11-17T06:00:00Z");

  @TempDir
  Path dir;
  TimelineTestServer server;

  /** The database the test runs on: H2 here, PostgreSQL in the OnPostgres subclass. */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }

  @BeforeEach
  void start() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.empty());
    server.alarm("AL-1", T0.plusSeconds(60), T0.plusSeconds(900), "sensor", "S-1", "Z-CORE-1", List.of("C-1"));
    server.alarm("AL-2", T0.plusSeconds(300), T0.plusSeconds(1_200), "vehicle", "苏A12345", "", List.of());
    server.alarm("AL-3", T0.plusSeconds(400), null, "gate", "G3", "", List.of());
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) { // null when the database was skipped
      server.close();
    }
  }

  private static CreateIncidentRequest.Builder create(String requestId, String... alarms) {
    return CreateIncidentRequest.newBuilder().setRequestId(requestId).setTitle("储罐区入侵").addAllAlarmIds(List.of(alarms));
  }

  private Incident created(String... alarms) {
    return server.incidentStub().create(create("r-" + String.join("-", alarms), alarms).build());
  }

  @Test
  void repeatingACreateReturnsTheSameIncidentAndRecordsItOnce() {
    Incident first = server.incidentStub().create(create("r1", "AL-1").build());
    Incident again = server.incidentStub().create(create("r1", "AL-1").build());

    assertThat(first.getId()).matches("INC-\\d{8}-001");
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(journalAbout(first.getId())).extracting(JournalEvent::type).containsExactly("incident.created");
  }

  @Test
  void incidentsOfTheSameDayAreNumberedInTurn() {
    Incident first = created("AL-1");
    Incident second = created("AL-2");

    assertThat(second.getId()).isEqualTo(first.getId().substring(0, 13) + "002");
  }

  @Test
  void theWindowReachesTenMinutesBeforeTheFirstAlarmAndAfterTheLastClose() {
    Incident incident = created("AL-1", "AL-2");

    assertThat(Times.instant(incident.getWindowFrom())).isEqualTo(T0.plusSeconds(60).minus(Duration.ofMinutes(10)));
    assertThat(Times.instant(incident.getWindowTo())).isEqualTo(T0.plusSeconds(1_200).plus(Duration.ofMinutes(10)));
  }

  @Test
  void anOpenAlarmKeepsTheWindowOpenUntilNow() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Incident incident = created("AL-1", "AL-3");

    assertThat(Times.instant(incident.getWindowTo())).isAfterOrEqualTo(before);
  }

  @Test
  void aWindowGivenAtCreationOverridesTheDerivedOne() {
    Incident incident = server.incidentStub().create(create("r1", "AL-1")
        .setWindowFrom(Times.timestamp(T0)).setWindowTo(Times.timestamp(T0.plusSeconds(7_200))).build());

    assertThat(Times.instant(incident.getWindowFrom())).isEqualTo(T0);
    assertThat(Times.instant(incident.getWindowTo())).isEqualTo(T0.plusSeconds(7_200));
  }

  @Test
  void subjectsAreTheAlarmsOwnPlusTheSupervisorsExtraOnes() {
    Incident incident = server.incidentStub().create(create("r1", "AL-1", "AL-2")
        .addExtraSubjects(ref("person", "P-7")).build());

    assertThat(incident.getSubjectsList()).containsExactly(ref("alarm", "AL-1"), ref("sensor", "S-1"),
        ref("zone", "Z-CORE-1"), ref("alarm", "AL-2"), ref("vehicle", "苏A12345"), ref("person", "P-7"));
    assertThat(incident.getCreatedBy()).isEqualTo("supervisor");
    assertThat(incident.getStatus()).isEqualTo(IncidentStatus.INCIDENT_STATUS_OPEN);
  }

  @Test
  void anUnknownAlarmIsNotFoundNamingIt() {
    assertRefused(() -> server.incidentStub().create(create("r1", "AL-1", "AL-404").build()), Status.Code.NOT_FOUND,
        "alarm_ids[1]");
  }

  @Test
  void anIncidentNeedsATitleAndAnAlarm() {
    assertRefused(() -> server.incidentStub().create(create("r1", "AL-1").setTitle(" ").build()),
        Status.Code.INVALID_ARGUMENT, "title");
    assertRefused(() -> server.incidentStub().create(create("r2").build()), Status.Code.INVALID_ARGUMENT,
        "alarm_ids");
  }

  @Test
  void alarmsAddedJoinTheIncidentOnceEach() {
    Incident incident = created("AL-1");

    Incident added = server.incidentStub().addAlarms(AddAlarmsRequest.newBuilder().setRequestId("a1")
        .setIncidentId(incident.getId()).addAlarmIds("AL-2").addAlarmIds("AL-1").build());

    assertThat(added.getAlarmIdsList()).containsExactly("AL-1", "AL-2");
  }

  @Test
  void closingRecordsTheConclusionAndWhoClosedIt() {
    Incident incident = created("AL-1");
    server.user = "shift-lead";

    Incident closed = server.incidentStub().close(close(incident, "c1", "误报：巡检人员"));

    assertThat(closed.getStatus()).isEqualTo(IncidentStatus.INCIDENT_STATUS_CLOSED);
    assertThat(closed.getConclusion()).isEqualTo("误报：巡检人员");
    assertThat(closed.getClosedBy()).isEqualTo("shift-lead");
    assertThat(closed.hasClosedAt()).isTrue();
  }

  @Test
  void aClosedIncidentRefusesMoreAlarmsAndASecondClose() {
    Incident incident = created("AL-1");
    server.incidentStub().close(close(incident, "c1", "done"));

    assertRefused(() -> server.incidentStub().addAlarms(AddAlarmsRequest.newBuilder().setRequestId("a1")
        .setIncidentId(incident.getId()).addAlarmIds("AL-2").build()), Status.Code.FAILED_PRECONDITION, "incident_id");
    assertRefused(() -> server.incidentStub().close(close(incident, "c2", "again")), Status.Code.FAILED_PRECONDITION,
        "incident_id");
  }

  @Test
  void repeatingACloseAnswersTheClosedIncident() {
    Incident incident = created("AL-1");
    server.incidentStub().close(close(incident, "c1", "done"));

    assertThat(server.incidentStub().close(close(incident, "c1", "done")).getStatus())
        .isEqualTo(IncidentStatus.INCIDENT_STATUS_CLOSED);
  }

  @Test
  void closingNeedsAConclusion() {
    Incident incident = created("AL-1");

    assertRefused(() -> server.incidentStub().close(close(incident, "c1", "")), Status.Code.INVALID_ARGUMENT,
        "conclusion");
  }

  @Test
  void everyChangeIsJournalledAboutTheIncidentAndTheUser() {
    Incident incident = created("AL-1");
    server.incidentStub().addAlarms(AddAlarmsRequest.newBuilder().setRequestId("a1").setIncidentId(incident.getId())
        .addAlarmIds("AL-2").build());
    server.incidentStub().close(close(incident, "c1", "done"));

    List<JournalEvent> events = journalAbout(incident.getId());

    assertThat(events).extracting(JournalEvent::type)
        .containsExactly("incident.created", "incident.alarms_added", "incident.closed");
    assertThat(events).allSatisfy(e -> assertThat(e.subjects())
        .containsExactly(new SubjectKey("incident", incident.getId()), new SubjectKey("user", "supervisor")));
  }

  @Test
  void theHashesOfSignedReportsComeWithTheIncident() {
    Incident incident = created("AL-1");
    server.journal.append(new io.cordon.server.event.NewEvent(Instant.now(), "report.signed",
        List.of(new SubjectKey("incident", incident.getId())), Optional.empty(), "signed", Map.of("sha256", "ab12")));

    assertThat(server.incidentStub().get(GetIncidentRequest.newBuilder().setIncidentId(incident.getId()).build())
        .getReportHashesList()).containsExactly("ab12");
  }

  @Test
  void anUnknownIncidentIsNotFound() {
    assertRefused(() -> server.incidentStub().get(GetIncidentRequest.newBuilder().setIncidentId("INC-1").build()),
        Status.Code.NOT_FOUND, "incident_id");
  }

  @Test
  void listingShowsTheNewestFirstAndOpenOnesWhenAsked() {
    Incident first = created("AL-1");
    Incident second = created("AL-2");
    server.incidentStub().close(close(first, "c1", "done"));

    assertThat(server.incidentStub().list(ListIncidentsRequest.getDefaultInstance()).getIncidentsList())
        .extracting(Incident::getId).containsExactly(second.getId(), first.getId());
    assertThat(server.incidentStub().list(ListIncidentsRequest.newBuilder().setOpenOnly(true).build())
        .getIncidentsList()).extracting(Incident::getId).containsExactly(second.getId());
  }

  private static CloseIncidentRequest close(Incident incident, String requestId, String conclusion) {
    return CloseIncidentRequest.newBuilder().setRequestId(requestId).setIncidentId(incident.getId())
        .setConclusion(conclusion).build();
  }

  private static SubjectRef ref(String kind, String id) {
    return SubjectRef.newBuilder().setKind(kind).setId(id).build();
  }

  private List<JournalEvent> journalAbout(String incidentId) {
    return server.journal.query(new EventQuery(Instant.EPOCH, Instant.now().plusSeconds(60), TypeFilter.ALL,
        List.of(new SubjectKey("incident", incidentId)), 100, Optional.empty())).events();
  }
}
