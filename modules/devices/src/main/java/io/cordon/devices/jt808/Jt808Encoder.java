package io.cordon.devices.jt808;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes messages as wire frames: header in the terminal's dialect, check code, 0x7e/0x7d escaping
 * and delimiters. Used for the platform's replies and by anything that plays a terminal.
 */
public final class Jt808Encoder {

  /** Largest body one packet can carry (10-bit length). */
  public static final int MAX_BODY_BYTES = 0x3ff;

  private Jt808Encoder() {
  }

  /** One frame carrying the whole message. */
  public static byte[] encode(Jt808Message message, Jt808Dialect dialect, String terminalNumber, int serial) {
    return frame(message.messageId(), dialect, terminalNumber, serial, null, body(message, dialect));
  }

  /**
   * The message split into subpackages of at most {@code maxBodyBytes} each, with consecutive
   * serials starting at {@code firstSerial}.
   */
  public static List<byte[]> encodeSplit(Jt808Message message, Jt808Dialect dialect, String terminalNumber,
      int firstSerial, int maxBodyBytes) {
    byte[] body = body(message, dialect);
    int total = Math.max(1, (body.length + maxBodyBytes - 1) / maxBodyBytes);
    List<byte[]> frames = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      byte[] part = Arrays.copyOfRange(body, i * maxBodyBytes, Math.min(body.length, (i + 1) * maxBodyBytes));
      frames.add(frame(message.messageId(), dialect, terminalNumber, (firstSerial + i) & 0xffff,
          new Jt808Subpackage(total, i + 1), part));
    }
    return frames;
  }

  /**
   * A frame from its parts.
   *
   * @param subpackage subpackage fields, or null
   */
  public static byte[] frame(int messageId, Jt808Dialect dialect, String terminalNumber, int serial,
      Jt808Subpackage subpackage, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("body of " + body.length + " bytes needs subpackages");
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream(body.length + 24);
    int properties = body.length;
    if (subpackage != null) {
      properties |= 0x2000;
    }
    if (dialect.versionFlag()) {
      properties |= 0x4000;
    }
    u16(raw, messageId);
    u16(raw, properties);
    if (dialect.version() == Jt808Version.V2019) {
      raw.write(dialect.protocolVersion());
    }
    raw.writeBytes(Texts.terminalNumber(terminalNumber, dialect.terminalDigits()));
    u16(raw, serial);
    if (subpackage != null) {
      u16(raw, subpackage.total());
      u16(raw, subpackage.index());
    }
    raw.writeBytes(body);
    byte[] unescaped = raw.toByteArray();
    int checksum = 0;
    for (byte b : unescaped) {
      checksum ^= b;
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream(unescaped.length + 8);
    wire.write(0x7e);
    for (byte b : unescaped) {
      escape(wire, b);
    }
    escape(wire, (byte) checksum);
    wire.write(0x7e);
    return wire.toByteArray();
  }

  private static void escape(ByteArrayOutputStream wire, byte b) {
    if (b == 0x7e) {
      wire.write(0x7d);
      wire.write(0x02);
    } else if (b == 0x7d) {
      wire.write(0x7d);
      wire.write(0x01);
    } else {
      wire.write(b);
    }
  }

  /** The body of a message as the dialect writes it. */
  public static byte[] body(Jt808Message message, Jt808Dialect dialect) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    if (message instanceof Jt808Message.Register register) {
      Jt808RegisterLayout layout = register.layout();
      u16(out, register.province());
      u16(out, register.city());
      Texts.writeFixedAscii(out, register.maker(), layout.makerBytes());
      Texts.writeFixedAscii(out, register.model(), layout.modelBytes());
      Texts.writeFixedAscii(out, register.terminalId(), layout.terminalIdBytes());
      out.write(register.plateColour());
      out.writeBytes(register.plate().getBytes(BodyReader.GBK));
    } else if (message instanceof Jt808Message.Authenticate auth) {
      byte[] code = auth.authCode().getBytes(BodyReader.GBK);
      if (dialect.version() == Jt808Version.V2019) {
        out.write(code.length);
        out.writeBytes(code);
        Texts.writeFixedAscii(out, auth.imei(), 15);
        Texts.writeFixedAscii(out, auth.softwareVersion(), 20);
      } else {
        out.writeBytes(code);
      }
    } else if (message instanceof Jt808Message.LocationReport report) {
      location(out, report.location());
    } else if (message instanceof Jt808Message.LocationBatch batch) {
      u16(out, batch.locations().size());
      out.write(batch.type());
      for (Location location : batch.locations()) {
        ByteArrayOutputStream item = new ByteArrayOutputStream(64);
        location(item, location);
        u16(out, item.size());
        out.writeBytes(item.toByteArray());
      }
    } else if (message instanceof Jt808Message.TerminalResponse response) {
      u16(out, response.replySerial());
      u16(out, response.replyMessageId());
      out.write(response.result());
    } else if (message instanceof Jt808Message.PlatformResponse response) {
      u16(out, response.replySerial());
      u16(out, response.replyMessageId());
      out.write(response.result());
    } else if (message instanceof Jt808Message.RegisterResponse response) {
      u16(out, response.replySerial());
      out.write(response.result());
      if (response.result() == Jt808Message.RegisterResponse.OK) {
        out.writeBytes(response.authCode().getBytes(BodyReader.GBK));
      }
    } else if (message instanceof Jt808Message.Unsupported unsupported) {
      out.writeBytes(unsupported.body());
    }
    // Heartbeat and Unregister have empty bodies.
    return out.toByteArray();
  }

  private static void location(ByteArrayOutputStream out, Location location) {
    u32(out, location.alarmFlags());
    u32(out, location.statusFlags());
    u32(out, location.latitudeMicroDegrees());
    u32(out, location.longitudeMicroDegrees());
    u16(out, location.altitudeMetres());
    u16(out, location.speedTenthKmh());
    u16(out, location.course());
    out.writeBytes(Texts.bcdTimeGmt8(location.fixTime()));
    for (AdditionalItem item : location.items()) {
      byte[] value = item.value();
      out.write(item.id());
      out.write(value.length);
      out.writeBytes(value);
    }
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  private static void u32(ByteArrayOutputStream out, long value) {
    out.write((int) (value >>> 24));
    out.write((int) (value >>> 16));
    out.write((int) (value >>> 8));
    out.write((int) value);
  }
}
