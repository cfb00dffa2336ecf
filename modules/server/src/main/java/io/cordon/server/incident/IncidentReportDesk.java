package io.cordon.server.incident;

import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.ReportVerification;
import io.cordon.api.v1.Timeline;
import java.util.Locale;

/**
 * Renders and verifies signed incident reports. The incident service owns incidents and their timelines; the
 * report module owns the PDF, its signature (a hash recorded in the journal as {@code report.signed} about the
 * subject {@code incident/<id>}) and the verification. Kept apart so each can change without the other.
 */
public interface IncidentReportDesk {

  /** Renders the incident's report from its timeline, records its hash in the journal and returns both. */
  IncidentReport render(Incident incident, Timeline timeline, Locale locale, String renderedBy);

  /** Whether these bytes are, unchanged, a report this server signed. */
  ReportVerification verify(byte[] pdf);
}
