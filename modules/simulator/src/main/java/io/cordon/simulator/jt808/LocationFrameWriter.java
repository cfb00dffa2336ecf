package io.cordon.simulator.jt808;

import io.cordon.devices.jt808.AdditionalItem;
import io.cordon.devices.jt808.Jt808Dialect;
import io.cordon.devices.jt808.Jt808Message;
import io.cordon.devices.jt808.Jt808Version;
import io.cordon.devices.jt808.Location;
import io.netty.buffer.ByteBuf;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes a 0x0200 location frame straight into a (pooled) buffer: header, body, check code,
 * escaping and delimiters in one pass, without the intermediate arrays of
 * {@link io.cordon.devices.jt808.Jt808Encoder} (which writes the same bytes; the tests hold the
 * two to that). The hot path of a 2,000-terminal fleet; one writer per terminal (it caches the
 * BCD time of the last second). Frame time is GMT+8 as the standard has it.
 */
final class LocationFrameWriter {

  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private final Jt808Dialect dialect;
  private final byte[] terminalBcd;
  private final byte[] time = new byte[6];
  private long timeSecond = Long.MIN_VALUE;
  private int checksum;

  LocationFrameWriter(Jt808Dialect dialect, String terminalNumber) {
    this.dialect = dialect;
    int digits = dialect.terminalDigits();
    String padded = "0".repeat(Math.max(0, digits - terminalNumber.length())) + terminalNumber;
    this.terminalBcd = java.util.HexFormat.of().parseHex(padded.substring(padded.length() - digits));
  }

  /** Upper bound of an escaped frame's size, for the buffer to allocate. */
  static int maxFrameBytes() {
    return 2 * (17 + 64 + 1) + 2;
  }

  void write(ByteBuf out, int serial, Location location) {
    int bodyLength = 28;
    for (AdditionalItem item : location.items()) {
      bodyLength += 2 + item.value().length;
    }
    checksum = 0;
    out.writeByte(0x7e);
    u16(out, Jt808Message.LOCATION);
    u16(out, bodyLength | (dialect.versionFlag() ? 0x4000 : 0));
    if (dialect.version() == Jt808Version.V2019) {
      put(out, dialect.protocolVersion());
    }
    for (byte b : terminalBcd) {
      put(out, b);
    }
    u16(out, serial);
    u32(out, location.alarmFlags());
    u32(out, location.statusFlags());
    u32(out, location.latitudeMicroDegrees());
    u32(out, location.longitudeMicroDegrees());
    u16(out, location.altitudeMetres());
    u16(out, location.speedTenthKmh());
    u16(out, location.course());
    for (byte b : bcdTime(location.fixTime().getEpochSecond())) {
      put(out, b);
    }
    for (AdditionalItem item : location.items()) {
      byte[] value = item.value();
      put(out, item.id());
      put(out, value.length);
      for (byte b : value) {
        put(out, b);
      }
    }
    int sum = checksum;
    put(out, sum);
    out.writeByte(0x7e);
  }

  private byte[] bcdTime(long epochSecond) {
    if (epochSecond != timeSecond) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, CHINA);
      int[] fields = {t.getYear() - 2000, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
          t.getSecond()};
      for (int i = 0; i < 6; i++) {
        time[i] = (byte) ((fields[i] / 10) << 4 | fields[i] % 10);
      }
      timeSecond = epochSecond;
    }
    return time;
  }

  private void u16(ByteBuf out, int value) {
    put(out, value >>> 8);
    put(out, value);
  }

  private void u32(ByteBuf out, long value) {
    put(out, (int) (value >>> 24));
    put(out, (int) (value >>> 16));
    put(out, (int) (value >>> 8));
    put(out, (int) value);
  }

  private void put(ByteBuf out, int value) {
    int b = value & 0xff;
    checksum ^= b;
    if (b == 0x7e) {
      out.writeByte(0x7d).writeByte(0x02);
    } else if (b == 0x7d) {
      out.writeByte(0x7d).writeByte(0x01);
    } else {
      out.writeByte(b);
    }
  }
}
