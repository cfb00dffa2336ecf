package io.cordon.server.report.incident;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.ReportVerification;
import io.cordon.api.v1.Timeline;
import io.cordon.domain.park.Park;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.incident.IncidentReportDesk;
import io.cordon.server.persistence.Database;
import io.cordon.server.report.pdf.DocumentDigests;
import io.cordon.server.report.pdf.FontLocator;
import io.cordon.media.record.SegmentCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident report desk: renders the PDF ({@link IncidentReportRenderer}), then signs the finished bytes — their
 * SHA-256 (and SM3) go into the journal as {@code report.signed} about {@code incident/<id>} and {@code
 * user/<renderedBy>}, and into {@code report_signature} in the same transaction — and verifies bytes against
 * those records. A hash cannot be printed inside the document it hashes, so the document carries the signature
 * block and the audit log carries the hash.
 */
public final class SignedIncidentReportDesk implements IncidentReportDesk {
  public static final String SIGNED_EVENT = "report.signed";
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final IncidentReportRenderer renderer;
  private final AlarmLookup alarms;
  private final EventJournal journal;
  private final ReportSignatures signatures;
  private final Clock clock;

  public SignedIncidentReportDesk(IncidentReportRenderer renderer, AlarmLookup alarms, Database database,
      EventJournal journal, Clock clock) {
    this.renderer = renderer;
    this.alarms = alarms;
    this.journal = journal;
    this.signatures = new ReportSignatures(database);
    this.clock = clock;
  }

  /**
   * The desk as the server wires it: alarms from the alarm table, key frames from the recording index, the CJK
   * font from {@code report.font} or the known system paths.
   *
   * @param segments the recording index ({@code RecordingModule.catalog()}); {@link #render} throws
   *     IllegalStateException when no suitable font is found (the message says what to install)
   */
  public static SignedIncidentReportDesk create(Park park, Database database, EventJournal journal,
      SegmentCatalog segments, Clock clock) {
    IncidentReportRenderer renderer = new IncidentReportRenderer(park, FontLocator.fromSystem(),
        new RecordedFrames(segments));
    return new SignedIncidentReportDesk(renderer, new StoredAlarms(database, SopCatalog.bundled()), database, journal,
        clock);
  }

  @Override
  public IncidentReport render(Incident incident, Timeline timeline, Locale locale, String renderedBy) {
    Instant renderedAt = clock.instant();
    List<Alarm> incidentAlarms = incident.getAlarmIdsList().stream().map(alarms::alarm).flatMap(Optional::stream)
        .toList();
    ReportTexts texts = ReportTexts.of(locale);
    byte[] pdf = renderer.render(new IncidentReportRenderer.Content(incident, timeline, incidentAlarms, locale,
        renderedBy, renderedAt));
    DocumentDigests digests = DocumentDigests.of(pdf);
    String fileName = incident.getId() + "-report-" + FILE_TIME.format(renderedAt.atZone(ReportTexts.SHOWN_IN)) + "-"
        + texts.tag() + ".pdf";
    NewEvent signed = new NewEvent(renderedAt, SIGNED_EVENT,
        List.of(new SubjectKey("incident", incident.getId()), new SubjectKey("user", renderedBy)), Optional.empty(),
        "report of incident " + incident.getId() + " signed by " + renderedBy + " (sha256 " + digests.sha256() + ")",
        Map.of("sha256", digests.sha256(), "sm3", digests.sm3(), "file_name", fileName, "locale", texts.tag(),
            "bytes", Integer.toString(pdf.length)));
    List<Appended> appended = journal.appendAll(List.of(JournalAppend.of(signed)), (session, events) ->
        session.doWork(c -> ReportSignatures.insert(c, new ReportSignatures.Signature(digests.sha256(), digests.sm3(),
            incident.getId(), events.get(0).event().seq(), renderedAt, renderedBy, fileName))));
    return IncidentReport.newBuilder()
        .setIncidentId(incident.getId())
        .setPdf(ByteString.copyFrom(pdf))
        .setSha256(digests.sha256())
        .setJournalSeq(appended.get(0).event().seq())
        .setRenderedAt(timestamp(renderedAt))
        .setFileName(fileName)
        .build();
  }

  @Override
  public ReportVerification verify(byte[] pdf) {
    return signatures.find(DocumentDigests.sha256(pdf))
        .map(s -> ReportVerification.newBuilder().setSignedHere(true).setIncidentId(s.incidentId())
            .setRenderedAt(timestamp(s.renderedAt())).setRenderedBy(s.renderedBy()).setJournalSeq(s.journalSeq())
            .build())
        .orElse(ReportVerification.newBuilder().setSignedHere(false).build());
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
