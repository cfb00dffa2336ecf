package io.cordon.server.registration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook as text records, the same shape {@link RegistryImport.Csv}
 * gives: one list of cell texts per non-blank row, header first. Read as a stream of XML events
 * (never the whole workbook in memory), and stopped once more than {@code maxRecords} rows came.
 *
 * <p>Cells become the text a CSV export would hold: strings as they are, numbers without
 * exponent or grouping ({@code 13800000001}, {@code 28.5}), date-formatted numbers as
 * {@code yyyy-MM-dd} (certificate expiry), booleans {@code TRUE}/{@code FALSE}, formulas by
 * their cached result.
 */
final class XlsxSheet {

  private XlsxSheet() {
  }

  /**
   * @throws IllegalArgumentException when the bytes are no readable XLSX workbook (the message says
   *     why, for the "content" field)
   */
  static List<List<String>> firstSheet(byte[] bytes, int maxRecords) {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
      XSSFReader reader = new XSSFReader(pkg);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IllegalArgumentException("the workbook has no sheet");
      }
      Records records = new Records(maxRecords);
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
          records, new CsvLikeFormatter(), false));
      try (InputStream sheet = sheets.next()) {
        parser.parse(new InputSource(sheet));
      } catch (TooManyRows stop) {
        // enough read: the caller reports the row limit
      }
      return records.list;
    } catch (Exception | LinkageError e) {
      throw new IllegalArgumentException(describe(e), e);
    } finally {
      if (pkg != null) {
        pkg.revert(); // opened from bytes to read: nothing to save
      }
    }
  }

  private static String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    if (name.contains("OLE2") || name.contains("OldExcel")) {
      return "is an old .xls workbook: save it as .xlsx (or as CSV, UTF-8)";
    }
    if (e.getMessage() != null && e.getMessage().startsWith("the workbook")) {
      return e.getMessage();
    }
    return "is not a readable XLSX workbook (" + name + "): save it again as .xlsx, or as CSV (UTF-8)";
  }

  /** Collects rows, filling the columns a row skips (empty cells are not in the file) with "". */
  private static final class Records implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final int max;
    final List<List<String>> list = new ArrayList<>();
    private List<String> row;
    private boolean any;

    Records(int max) {
      this.max = max;
    }

    @Override
    public void startRow(int rowNum) {
      row = new ArrayList<>();
      any = false;
    }

    @Override
    public void endRow(int rowNum) {
      if (any) {
        list.add(row);
        if (list.size() > max) {
          throw new TooManyRows();
        }
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? row.size() : new CellReference(reference).getCol();
      while (row.size() < column) {
        row.add("");
      }
      String v = formattedValue == null ? "" : plain(formattedValue);
      if (row.size() == column) {
        row.add(v);
      } else {
        row.set(column, v);
      }
      any |= !v.isBlank();
    }
  }

  /** A number in scientific notation (raw values of unstyled cells) written out plainly. */
  private static String plain(String v) {
    if (v.indexOf('E') > 0 && v.matches("-?\\d+(\\.\\d+)?E[+-]?\\d+")) {
      return new BigDecimal(v).stripTrailingZeros().toPlainString();
    }
    return v;
  }

  /** Formats numbers as a CSV holds them: plain decimals, and ISO dates for date formats. */
  private static final class CsvLikeFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDate day = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
        return day.toString();
      }
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return Double.toString(value);
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /** Ends the parse once the row limit is passed. */
  private static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }
}
