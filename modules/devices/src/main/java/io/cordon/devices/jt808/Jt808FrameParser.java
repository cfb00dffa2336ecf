package io.cordon.devices.jt808;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns the bytes between two 0x7e delimiters into a {@link Jt808Frame} or says why not. Pure and
 * stateless; the Netty {@link Jt808FrameDecoder} and the tests both use it.
 *
 * <p>The header layout is decided by length consistency, not by the version bit alone: some
 * devices set bit 14 and still send a 2013 header, and only the lengths tell the two apart.
 */
public final class Jt808FrameParser {

  /** Protocol version bytes of the 2019 header this server understands. */
  public static final int KNOWN_PROTOCOL_VERSION = 1;

  private static final int ESCAPE = 0x7d;
  private static final int MIN_FRAME = 12 + 1;

  private Jt808FrameParser() {
  }

  /**
   * Parses escaped frame content (delimiters excluded).
   *
   * @param escaped buffer holding the content
   * @param offset where the content starts
   * @param length content length
   */
  public static Jt808FrameResult parseEscaped(byte[] escaped, int offset, int length) {
    byte[] data = unescape(escaped, offset, length);
    if (data == null) {
      return new Jt808BadFrame(Jt808BadFrameReason.BAD_ESCAPE, null);
    }
    return parseUnescaped(data, data.length);
  }

  /**
   * Undoes the escaping: 0x7d 0x02 is 0x7e, 0x7d 0x01 is 0x7d.
   *
   * @return the unescaped bytes, or null when a 0x7d is followed by anything else or ends the frame
   */
  public static byte[] unescape(byte[] escaped, int offset, int length) {
    byte[] data = new byte[length];
    int n = 0;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int b = escaped[i] & 0xff;
      if (b == ESCAPE) {
        if (i + 1 >= end) {
          return null;
        }
        int next = escaped[++i] & 0xff;
        if (next == 0x02) {
          data[n++] = 0x7e;
        } else if (next == 0x01) {
          data[n++] = 0x7d;
        } else {
          return null;
        }
      } else {
        data[n++] = (byte) b;
      }
    }
    return n == length ? data : Arrays.copyOf(data, n);
  }

  /** Parses unescaped frame content: header, body and check code. */
  public static Jt808FrameResult parseUnescaped(byte[] data, int length) {
    if (length < MIN_FRAME) {
      return new Jt808BadFrame(Jt808BadFrameReason.TRUNCATED, null);
    }
    int properties = u16(data, 2);
    int bodyLength = properties & 0x3ff;
    int encryption = (properties >> 10) & 0x7;
    boolean split = (properties & 0x2000) != 0;
    boolean versionFlag = (properties & 0x4000) != 0;
    int extra = (split ? 4 : 0) + bodyLength + 1;
    int length2013 = 12 + extra;
    int length2019 = 17 + extra;

    Jt808Dialect dialect;
    if (versionFlag && length == length2019) {
      int protocolVersion = data[4] & 0xff;
      if (protocolVersion != KNOWN_PROTOCOL_VERSION) {
        return new Jt808BadFrame(Jt808BadFrameReason.UNKNOWN_VERSION, null);
      }
      dialect = Jt808Dialect.V2019;
    } else if (length == length2013) {
      dialect = versionFlag ? Jt808Dialect.V2013_FLAGGED : Jt808Dialect.V2013;
    } else {
      int expected = versionFlag ? length2019 : length2013;
      return new Jt808BadFrame(length < expected ? Jt808BadFrameReason.TRUNCATED
          : Jt808BadFrameReason.BODY_LENGTH_MISMATCH, null);
    }

    Jt808Header header = readHeader(data, dialect, properties);
    int checksum = 0;
    for (int i = 0; i < length - 1; i++) {
      checksum ^= data[i];
    }
    if ((checksum & 0xff) != (data[length - 1] & 0xff)) {
      return new Jt808BadFrame(Jt808BadFrameReason.BAD_CHECKSUM, header);
    }
    byte[] body = new byte[bodyLength];
    System.arraycopy(data, header.length(), body, 0, bodyLength);
    return new Jt808Frame(header, body);
  }

  private static Jt808Header readHeader(byte[] data, Jt808Dialect dialect, int properties) {
    boolean v2019 = dialect.version() == Jt808Version.V2019;
    int numberOffset = v2019 ? 5 : 4;
    int numberBytes = v2019 ? 10 : 6;
    String terminal = HexFormat.of().formatHex(data, numberOffset, numberOffset + numberBytes);
    int pos = numberOffset + numberBytes;
    int serial = u16(data, pos);
    Jt808Subpackage subpackage = null;
    if ((properties & 0x2000) != 0) {
      subpackage = new Jt808Subpackage(u16(data, pos + 2), u16(data, pos + 4));
    }
    return new Jt808Header(u16(data, 0), dialect, terminal, serial, (properties >> 10) & 0x7, subpackage,
        properties & 0x3ff);
  }

  private static int u16(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
  }
}
