package io.cordon.server.statistics;

import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsRequest;
import io.cordon.domain.park.Park;
import io.cordon.server.persistence.Database;
import io.cordon.server.report.pdf.FontLocator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Reports and their files, for the gRPC service and for other server parts in the same process. */
public final class StatisticsDesk {

  private final StatisticsProjections projections;
  private final StatisticsQueries queries;
  private final FontLocator fonts;
  private final Clock clock;

  public StatisticsDesk(Park park, Database database, FontLocator fonts, Clock clock) {
    this.projections = new StatisticsProjections(database);
    this.queries = new StatisticsQueries(park, database);
    this.fonts = fonts;
    this.clock = clock;
  }

  /**
   * The report of one period.
   *
   * @throws StatisticsRefusal naming the field at fault
   */
  public StatisticsReport report(StatisticsRequest request) {
    Instant now = clock.instant();
    ReportWindow window = ReportWindow.of(request.getPeriod(), request.getStartDate(),
        LocalDate.ofInstant(now, ReportWindow.PARK_ZONE));
    projections.catchUp();
    return queries.report(window, now);
  }

  /**
   * The report as an XLSX or PDF file.
   *
   * @throws StatisticsRefusal naming the field at fault
   * @throws MissingReportFont for a PDF when the CJK font is not there (see {@link FontLocator})
   */
  public StatisticsFile export(ExportStatisticsRequest request) {
    if (request.getFormat() != ExportFormat.EXPORT_FORMAT_XLSX && request.getFormat() != ExportFormat.EXPORT_FORMAT_PDF) {
      throw new StatisticsRefusal("format", "is required: XLSX or PDF");
    }
    StatisticsReport report = report(StatisticsRequest.newBuilder().setPeriod(request.getPeriod())
        .setStartDate(request.getStartDate()).build());
    String base = "cordon-" + request.getPeriod().name().replace("REPORT_PERIOD_", "").toLowerCase(java.util.Locale.ROOT)
        + "-" + report.getStartDate();
    if (request.getFormat() == ExportFormat.EXPORT_FORMAT_XLSX) {
      return StatisticsFile.newBuilder().setFileName(base + ".xlsx")
          .setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .setContent(com.google.protobuf.ByteString.copyFrom(new XlsxStatisticsExport().write(report))).build();
    }
    return StatisticsFile.newBuilder().setFileName(base + ".pdf").setContentType("application/pdf")
        .setContent(com.google.protobuf.ByteString.copyFrom(new PdfStatisticsExport(font()).write(report))).build();
  }

  private Path font() {
    try {
      return fonts.locate();
    } catch (IllegalStateException e) {
      throw new MissingReportFont(e);
    }
  }
}
