package io.cordon.client.gate.presence;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the list of who is inside as CSV (RFC 4180) for an evacuation roll call: a UTF-8 byte
 * order mark so that spreadsheet programs read the Chinese names, a header row in the operator's
 * language, then one row per person or vehicle.
 */
public final class InsideCsv {

  /** The columns, in order; the header texts come in the same order. */
  public static final List<String> COLUMNS =
      List.of("holder", "name", "class", "enterprise", "gate", "since", "phone");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private InsideCsv() {}

  /**
   * @param header one text per {@link #COLUMNS} entry
   * @param enterpriseNames enterprise id → name (ids without a name are written as they are)
   * @param className holder class → the operator's word for it
   */
  public static void write(List<InsideRow> rows, List<String> header, Map<String, String> enterpriseNames,
      Function<String, String> className, ZoneId zone, Writer out) throws IOException {
    if (header.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("header needs " + COLUMNS.size() + " texts");
    }
    out.write('\uFEFF');
    line(out, header);
    DateTimeFormatter time = TIME.withZone(zone);
    for (InsideRow r : rows) {
      line(out, List.of(r.holder(), r.name(), className.apply(r.holderClass()),
          enterpriseNames.getOrDefault(r.enterpriseId(), r.enterpriseId()), r.gateId(),
          r.since() == null ? "" : time.format(r.since()), r.phone()));
    }
    out.flush();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String cell) {
    String c = cell == null ? "" : cell;
    // A leading = + - @ would make a spreadsheet run it as a formula.
    if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
      c = "'" + c;
    }
    if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
      return "\"" + c.replace("\"", "\"\"") + "\"";
    }
    return c;
  }
}
