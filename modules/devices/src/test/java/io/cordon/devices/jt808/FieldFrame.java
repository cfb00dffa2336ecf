package io.cordon.devices.jt808;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the field-frame reference table (frames captured from devices, with the fields the
 * standard says they hold). The table is read from the shared reference directory, never copied.
 */
record FieldFrame(int line, byte[] wire, String messageId, String expectedText, Map<String, String> expected, String asserts,
    String source) {

  /** Where the table lives; a system property may point elsewhere. */
  static Path table() {
    return Path.of(System.getProperty("cordon.jt808.fieldFrames", "/work/shared/reference/jt808-field-frames.tsv"));
  }

  static List<FieldFrame> load(Path path) throws IOException {
    List<FieldFrame> frames = new ArrayList<>();
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      String[] expectation = columns[2].split(" \\| ", 2);
      frames.add(new FieldFrame(i + 1, HexFormat.of().parseHex(columns[0].trim()), columns[1].trim(), expectation[0],
          fields(expectation[0]), expectation.length > 1 ? expectation[1] : "", columns.length > 3 ? columns[3] : ""));
    }
    return frames;
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1));
      }
    }
    return fields;
  }

  boolean escapeOnly() {
    return messageId.equals("escape-only");
  }

  boolean badChecksum() {
    return expected.getOrDefault("xor_ok", "yes").toLowerCase().startsWith("no");
  }

  boolean lengthMismatch() {
    return expectedText.contains("length mismatch");
  }

  @Override
  public String toString() {
    return "line " + line + " " + messageId + " " + source;
  }
}
