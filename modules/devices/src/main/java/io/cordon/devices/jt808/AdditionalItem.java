package io.cordon.devices.jt808;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One additional information item of a location report (id, value bytes), kept verbatim so that
 * vendor items survive and a report encodes back to the same bytes.
 *
 * @param id item id (0x01 mileage, 0x30 signal strength, 0x31 satellites, vendor ids 0xe0.. ...)
 * @param value the value bytes, at most 255
 */
public record AdditionalItem(int id, byte[] value) {

  /** Mileage, DWORD in 0.1 km. */
  public static final int MILEAGE = 0x01;
  /** Fuel, WORD in 0.1 L. */
  public static final int FUEL = 0x02;
  /** Speed from the driving recorder, WORD in 0.1 km/h. */
  public static final int RECORDER_SPEED = 0x03;
  /** Extended vehicle signal status bits, DWORD. */
  public static final int EXTENDED_SIGNALS = 0x25;
  /** IO status bits, WORD. */
  public static final int IO_STATUS = 0x2a;
  /** Analog values (AD0 low word, AD1 high word), DWORD. */
  public static final int ANALOG = 0x2b;
  /** Wireless signal strength, BYTE. */
  public static final int SIGNAL_STRENGTH = 0x30;
  /** Number of GNSS satellites used, BYTE. */
  public static final int SATELLITES = 0x31;

  public AdditionalItem {
    if (id < 0 || id > 0xff) {
      throw new IllegalArgumentException("item id out of range: " + id);
    }
    if (value.length > 0xff) {
      throw new IllegalArgumentException("item value longer than 255 bytes: " + value.length);
    }
    value = value.clone();
  }

  /** Mileage item in km, written in 0.1 km. */
  public static AdditionalItem mileageKm(double km) {
    return unsigned(MILEAGE, Math.round(km * 10), 4);
  }

  /** Signal strength item. */
  public static AdditionalItem signalStrength(int strength) {
    return unsigned(SIGNAL_STRENGTH, strength, 1);
  }

  /** Satellite count item. */
  public static AdditionalItem satellites(int count) {
    return unsigned(SATELLITES, count, 1);
  }

  /** An item holding an unsigned big-endian number of {@code size} bytes. */
  public static AdditionalItem unsigned(int id, long number, int size) {
    byte[] bytes = new byte[size];
    for (int i = size - 1; i >= 0; i--) {
      bytes[i] = (byte) number;
      number >>>= 8;
    }
    return new AdditionalItem(id, bytes);
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The value as an unsigned big-endian number when it has exactly {@code size} bytes, else -1. */
  long unsignedValue(int size) {
    if (value.length != size) {
      return -1;
    }
    long number = 0;
    for (byte b : value) {
      number = number << 8 | (b & 0xff);
    }
    return number;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AdditionalItem that && id == that.id && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * id + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return String.format("AdditionalItem[0x%02x=%s]", id, HexFormat.of().formatHex(value));
  }
}
