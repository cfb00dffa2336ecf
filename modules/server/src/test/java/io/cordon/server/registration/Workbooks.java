package io.cordon.server.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX workbooks for the import tests, made as a spreadsheet program would: numbers, dates, text cells. */
final class Workbooks {

  private Workbooks() {
  }

  /** A people sheet with the required columns; a Long is a number cell (as a typed phone number is). */
  static byte[] people(Object[]... rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("人员");
      header(sheet, "name", "id_number", "phone", "enterprise_id", "role");
      for (int i = 0; i < rows.length; i++) {
        Row row = sheet.createRow(i + 1);
        for (int c = 0; c < rows[i].length; c++) {
          if (rows[i][c] instanceof Long n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue((String) rows[i][c]);
          }
        }
      }
      return bytes(wb);
    }
  }

  /** One driver with a driving licence whose expiry is a date cell formatted as a spreadsheet shows dates. */
  static byte[] driver(String name, String idNumber, long phone, String enterprise, LocalDate licenceExpires)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("驾驶员");
      header(sheet, "name", "id_number", "phone", "enterprise_id", "role", "certificate_kind", "certificate_number",
          "licence_class", "certificate_expires_on");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(name);
      row.createCell(1).setCellValue(idNumber);
      row.createCell(2).setCellValue(phone);
      row.createCell(3).setCellValue(enterprise);
      row.createCell(4).setCellValue("DRIVER");
      row.createCell(5).setCellValue("DRIVING_LICENCE");
      row.createCell(6).setCellValue("320102198501010011");
      row.createCell(7).setCellValue("A2");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
      row.createCell(8).setCellValue(licenceExpires);
      row.getCell(8).setCellStyle(date);
      return bytes(wb);
    }
  }

  private static void header(Sheet sheet, String... names) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < names.length; i++) {
      row.createCell(i).setCellValue(names[i]);
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
