package io.cordon.devices.jt808;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/** Text and time conventions of the standard shared by the decoder and the encoder. */
final class Texts {

  /** Frame times are Beijing time, GMT+8, without daylight saving. */
  static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

  /** Prefix of fixed fields that are not printable ASCII, rendered as hex instead. */
  static final String HEX_PREFIX = "hex:";

  private Texts() {
  }

  /**
   * A fixed-size identifier field: NUL padding removed at both ends (devices pad on either side).
   * Printable ASCII stays text; anything else is rendered {@code hex:<all bytes>} so that binary
   * ids still compare and round-trip.
   */
  static String fixedAscii(byte[] field) {
    int from = 0;
    int to = field.length;
    while (from < to && field[from] == 0) {
      from++;
    }
    while (to > from && field[to - 1] == 0) {
      to--;
    }
    for (int i = from; i < to; i++) {
      int b = field[i] & 0xff;
      if (b < 0x20 || b > 0x7e) {
        return HEX_PREFIX + HexFormat.of().formatHex(field);
      }
    }
    return new String(field, from, to - from, StandardCharsets.US_ASCII);
  }

  /** Writes a fixed-size field, NUL padded at the end ({@code hex:} texts are written as bytes). */
  static void writeFixedAscii(ByteArrayOutputStream out, String text, int size) {
    byte[] bytes = text.startsWith(HEX_PREFIX) ? HexFormat.of().parseHex(text.substring(HEX_PREFIX.length()))
        : text.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > size) {
      throw new IllegalArgumentException("'" + text + "' longer than " + size + " bytes");
    }
    out.write(bytes, 0, bytes.length);
    for (int i = bytes.length; i < size; i++) {
      out.write(0);
    }
  }

  /** GBK text with trailing NULs removed (plates, auth codes). */
  static String gbk(byte[] bytes) {
    int to = bytes.length;
    while (to > 0 && bytes[to - 1] == 0) {
      to--;
    }
    return new String(bytes, 0, to, BodyReader.GBK);
  }

  /** BCD YYMMDDhhmmss of the instant in GMT+8. */
  static byte[] bcdTimeGmt8(Instant time) {
    LocalDateTime local = LocalDateTime.ofInstant(time, CHINA_STANDARD_TIME);
    int year = local.getYear() - 2000;
    if (year < 0 || year > 99) {
      throw new IllegalArgumentException("year outside 2000..2099: " + time);
    }
    int[] fields = {year, local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute(),
        local.getSecond()};
    byte[] out = new byte[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (byte) ((fields[i] / 10) << 4 | fields[i] % 10);
    }
    return out;
  }

  /**
   * BCD bytes of a terminal number given as hex digits, left padded with '0' to the layout's
   * digits; leading zeros beyond that are dropped (a 2019 number used in a 2013 header).
   */
  static byte[] terminalNumber(String number, int digits) {
    String n = number;
    while (n.length() > digits && n.charAt(0) == '0') {
      n = n.substring(1);
    }
    if (n.length() > digits) {
      throw new IllegalArgumentException("terminal number " + number + " longer than " + digits + " digits");
    }
    return HexFormat.of().parseHex("0".repeat(digits - n.length()) + n);
  }
}
