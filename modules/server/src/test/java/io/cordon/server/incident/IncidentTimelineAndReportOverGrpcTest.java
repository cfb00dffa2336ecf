package io.cordon.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.api.v1.ReportVerification;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.VerifyReportRequest;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.TestDatabase;
import io.cordon.server.timeline.TimelineTestServer;
import io.cordon.server.timeline.Times;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident's timeline, and its report handed to the report desk. */
class IncidentTimelineAndReportOverGrpcTest {

  static final Instant T0 = Instant.parse("2026-11-17T06:00:00Z");

  @TempDir
  Path dir;
  TimelineTestServer server;

  /** The database the test runs on: H2 here, PostgreSQL in the OnPostgres subclass. */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }

  /** Remembers what it was asked to render; answers a fixed report. */
  static final class RecordingDesk implements IncidentReportDesk {
    final List<Timeline> timelines = new ArrayList<>();
    final List<Locale> locales = new ArrayList<>();

    @Override
    public IncidentReport render(Incident incident, Timeline timeline, Locale locale, String renderedBy) {
      timelines.add(timeline);
      locales.add(locale);
      return IncidentReport.newBuilder().setIncidentId(incident.getId()).setSha256("ab12")
          .setFileName(incident.getId() + ".pdf").build();
    }

    @Override
    public ReportVerification verify(byte[] pdf) {
      return ReportVerification.newBuilder().setSignedHere(pdf.length == 3).build();
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) { // null when the database was skipped
      server.close();
    }
  }

  private Incident seededIncident() {
    server.alarm("AL-1", T0.plusSeconds(60), T0.plusSeconds(900), "sensor", "S-1", "", List.of());
    server.event(T0.plusSeconds(60), "alarm.raised", List.of(new SubjectKey("alarm", "AL-1")));
    server.event(T0.plusSeconds(120), "sensor.intrusion", List.of(new SubjectKey("sensor", "S-1")));
    server.event(T0.plusSeconds(3_000), "sensor.intrusion", List.of(new SubjectKey("sensor", "S-1"))); // after
    server.event(T0.plusSeconds(130), "sensor.intrusion", List.of(new SubjectKey("sensor", "S-2")));
    return server.incidentStub().create(CreateIncidentRequest.newBuilder().setRequestId("r1").setTitle("入侵")
        .addAlarmIds("AL-1").build());
  }

  @Test
  void anIncidentsTimelineCoversItsWindowAndSubjects() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.empty());
    Incident incident = seededIncident();

    Timeline t = server.timelineStub().getTimeline(TimelineRequest.newBuilder().setIncidentId(incident.getId()).build());

    assertThat(Times.instant(t.getFrom())).isEqualTo(T0.plusSeconds(60 - 600));
    assertThat(Times.instant(t.getTo())).isEqualTo(T0.plusSeconds(900 + 600));
    assertThat(t.getEntriesList()).extracting(e -> e.getEvent().getType())
        .containsExactly("alarm.raised", "sensor.intrusion");
  }

  @Test
  void withoutAReportDeskReportsAreUnimplemented() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.empty());
    Incident incident = seededIncident();

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> server.incidentStub()
        .renderReport(RenderReportRequest.newBuilder().setIncidentId(incident.getId()).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
  }

  @Test
  void theDeskRendersTheIncidentFromItsTimelineWithTracks() {
    RecordingDesk desk = new RecordingDesk();
    server = new TimelineTestServer(freshDatabase(dir), Optional.of(desk));
    Incident incident = seededIncident();

    IncidentReport report = server.incidentStub().renderReport(RenderReportRequest.newBuilder()
        .setIncidentId(incident.getId()).setLocale("en").build());

    assertThat(report.getFileName()).isEqualTo(incident.getId() + ".pdf");
    assertThat(desk.locales).containsExactly(Locale.ENGLISH);
    assertThat(desk.timelines).singleElement().satisfies(t -> assertThat(t.getEntriesCount()).isEqualTo(2));
  }

  @Test
  void verificationIsTheDesks() {
    server = new TimelineTestServer(freshDatabase(dir), Optional.of(new RecordingDesk()));

    assertThat(server.incidentStub().verifyReport(VerifyReportRequest.newBuilder()
        .setPdf(ByteString.copyFrom(new byte[] {1, 2, 3})).build()).getSignedHere()).isTrue();
  }
}
