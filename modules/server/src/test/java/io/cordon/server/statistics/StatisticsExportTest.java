package io.cordon.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.PreconditionFailure;
import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsServiceGrpc;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.cordon.server.report.pdf.FontLocator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported files, read back with POI and PDFBox. */
class StatisticsExportTest {

  /** The installed CJK font, whatever report.font says on the machine running the tests. */
  static final FontLocator INSTALLED_FONT = new FontLocator(Optional.empty(), FontLocator.KNOWN_PATHS);

  final StatisticsReport report = ReportFixture.weekly();

  @Test
  void theWorkbookHasASummaryAndOneSheetPerSection() throws Exception {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(new XlsxStatisticsExport().write(report)))) {
      List<String> names = new ArrayList<>();
      book.forEach(sheet -> names.add(sheet.getSheetName()));

      assertThat(names).containsExactly("概况", "通行统计", "通行趋势", "危化品", "报警类型", "报警区域", "处置结果",
          "接警响应", "在园峰值");
    }
  }

  @Test
  void thePassageSheetHoldsNumbersUnderAFrozenHeader() throws Exception {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(new XlsxStatisticsExport().write(report)))) {
      Sheet sheet = book.getSheet("通行统计");

      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("进园");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("南一门（综合卡口）");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("危险物品运输车辆");
      assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(42.0);
      assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(7.0);
    }
  }

  @Test
  void theHazmatAndResponseSheetsKeepAmountsAndTheShareAsNumbers() throws Exception {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(new XlsxStatisticsExport().write(report)))) {
      Sheet hazmat = book.getSheet("危化品");
      Sheet response = book.getSheet("接警响应");

      assertThat(hazmat.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1197.5);
      assertThat(hazmat.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.000");
      assertThat(hazmat.getRow(2).getCell(2).getStringCellValue()).isEqualTo("立方米");
      assertThat(response.getRow(4).getCell(0).getStringCellValue()).isEqualTo("≤ 60 秒");
      assertThat(response.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(0.8);
      assertThat(response.getRow(10).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }
  }

  @Test
  void theTrendSheetHasLocalDateTimesOfEachDay() throws Exception {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(new XlsxStatisticsExport().write(report)))) {
      Sheet trend = book.getSheet("通行趋势");

      assertThat(trend.getRow(1).getCell(0).getLocalDateTimeCellValue()).isEqualTo("2026-11-02T00:00");
      assertThat(trend.getRow(7).getCell(0).getLocalDateTimeCellValue()).isEqualTo("2026-11-08T00:00");
      assertThat(trend.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(56.0);
    }
  }

  @Test
  void thePdfShowsChineseTitlesAndTheFigures() throws Exception {
    byte[] pdf = new PdfStatisticsExport(INSTALLED_FONT.locate()).write(report);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);

      assertThat(text).contains("园区封闭化管理统计报表", "周报", "2026-11-02 至 2026-11-08", "进出园统计",
          "危险物品运输车辆", "南一门（综合卡口）", "1,204", "第3类（吨）", "1197.500", "周界入侵", "核心控制区一（储罐区）",
          "80.0%", "1分钟目标", "在园峰值", "360");
    }
  }

  @Test
  void thePdfEmbedsASubsetOfTheCjkFont() throws Exception {
    byte[] pdf = new PdfStatisticsExport(INSTALLED_FONT.locate()).write(report);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFont font = document.getPage(0).getResources().getFont(
          document.getPage(0).getResources().getFontNames().iterator().next());

      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // a subset tag
      assertThat(pdf.length).isLessThan(1_000_000);
    }
  }

  @Test
  void aConfiguredFontFileThatIsMissingRefusesThePdfNamingTheKeyAndThePackage(@TempDir Path dir) throws Exception {
    FontLocator missing = new FontLocator(Optional.of(dir.resolve("gone.ttf")), FontLocator.KNOWN_PATHS);
    Clock clock = Clock.fixed(Instant.parse("2026-11-10T04:00:00Z"), ZoneOffset.UTC);
    Database database = Database.open(TestDatabase.h2(dir).settings(), List.of());
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new StatisticsGrpcService(new StatisticsDesk(ParkFileLoader.loadSample(), database, missing, clock)))
        .build().start();
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    try {
      StatusRuntimeException e = catchThrowableOfType(() -> StatisticsServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS).export(ExportStatisticsRequest.newBuilder()
              .setFormat(ExportFormat.EXPORT_FORMAT_PDF).setPeriod(ReportPeriod.REPORT_PERIOD_DAILY)
              .setStartDate("2026-11-02").build()), StatusRuntimeException.class);

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getStatus().getDescription()).contains("report.font", "gone.ttf", "fonts-wqy-microhei");
      assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(PreconditionFailure.class).getViolations(0)
          .getSubject()).isEqualTo("report.font");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      database.close();
    }
  }
}
