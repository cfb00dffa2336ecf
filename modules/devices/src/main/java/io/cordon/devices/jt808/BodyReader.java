package io.cordon.devices.jt808;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;

/** Bounds-checked big-endian cursor over a message body; every overrun is a malformed body. */
final class BodyReader {

  static final Charset GBK = Charset.forName("GBK");

  private final byte[] data;
  private final int end;
  private int pos;

  BodyReader(byte[] data) {
    this(data, 0, data.length);
  }

  BodyReader(byte[] data, int offset, int length) {
    this.data = data;
    this.pos = offset;
    this.end = offset + length;
  }

  int remaining() {
    return end - pos;
  }

  int position() {
    return pos;
  }

  private void need(int n, String what) throws MalformedBodyException {
    if (n < 0 || end - pos < n) {
      throw new MalformedBodyException(what + ": needs " + n + " bytes, " + (end - pos) + " left");
    }
  }

  int u8(String what) throws MalformedBodyException {
    need(1, what);
    return data[pos++] & 0xff;
  }

  int u16(String what) throws MalformedBodyException {
    need(2, what);
    int value = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    pos += 2;
    return value;
  }

  long u32(String what) throws MalformedBodyException {
    need(4, what);
    long value = ((long) (data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
        | (data[pos + 3] & 0xff);
    pos += 4;
    return value;
  }

  byte[] bytes(int n, String what) throws MalformedBodyException {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(data, pos, out, 0, n);
    pos += n;
    return out;
  }

  byte[] rest() {
    byte[] out = new byte[end - pos];
    System.arraycopy(data, pos, out, 0, out.length);
    pos = end;
    return out;
  }

  /** A fixed-size ASCII field ({@link Texts#fixedAscii}). */
  String fixedAscii(int n, String what) throws MalformedBodyException {
    return Texts.fixedAscii(bytes(n, what));
  }

  /** BCD YYMMDDhhmmss in GMT+8, as the standard writes times, converted to UTC. */
  Instant bcdTimeGmt8(String what) throws MalformedBodyException {
    need(6, what);
    int[] fields = new int[6];
    for (int i = 0; i < 6; i++) {
      int b = data[pos + i] & 0xff;
      int high = b >> 4;
      int low = b & 0x0f;
      if (high > 9 || low > 9) {
        throw new MalformedBodyException(what + ": not BCD: " + HexFormat.of().formatHex(data, pos, pos + 6));
      }
      fields[i] = high * 10 + low;
    }
    try {
      LocalDateTime local = LocalDateTime.of(2000 + fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
      pos += 6;
      return local.toInstant(Texts.CHINA_STANDARD_TIME);
    } catch (DateTimeException e) {
      throw new MalformedBodyException(what + ": no such time: " + HexFormat.of().formatHex(data, pos, pos + 6));
    }
  }
}
