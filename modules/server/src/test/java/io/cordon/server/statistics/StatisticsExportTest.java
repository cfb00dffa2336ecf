package io.cordon.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.StatisticsReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The exported files, read back with POI and PDFBox. */
class StatisticsExportTest {

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
    byte[] pdf = new PdfStatisticsExport(FontLocator.of(Optional.empty())).write(report);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);

      assertThat(text).contains("园区封闭化管理统计报表", "周报", "2026-11-02 至 2026-11-08", "进出园统计",
          "危险物品运输车辆", "南一门（综合卡口）", "1,204", "第3类（吨）", "1197.500", "周界入侵", "核心控制区一（储罐区）",
          "80.0%", "1分钟目标", "在园峰值", "360");
    }
  }

  @Test
  void thePdfEmbedsASubsetOfTheCjkFont() throws Exception {
    byte[] pdf = new PdfStatisticsExport(FontLocator.of(Optional.empty())).write(report);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFont font = document.getPage(0).getResources().getFont(
          document.getPage(0).getResources().getFontNames().iterator().next());

      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // a subset tag
      assertThat(pdf.length).isLessThan(1_000_000);
    }
  }

  @Test
  void aConfiguredFontFileThatIsMissingFallsBackToTheInstalledOne() {
    FontLocator locator = FontLocator.of(Optional.of(Path.of("/nonexistent/font.ttf")));

    assertThat(locator.locate()).contains(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
  }
}
