package io.cordon.devices.jt808;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The body of a 0x0200 location report (also each item of a 0x0704 batch), in the standard's units.
 *
 * @param alarmFlags alarm bits (bit 0 SOS, bit 1 overspeed, ... as JT/T 808 table 24)
 * @param statusFlags status bits (bit 0 ACC on, bit 1 positioned, bit 2 south, bit 3 west, ...)
 * @param latitudeMicroDegrees latitude magnitude as sent, in 1e-6 degrees (sign is status bit 2)
 * @param longitudeMicroDegrees longitude magnitude as sent, in 1e-6 degrees (sign is status bit 3)
 * @param altitudeMetres altitude in metres (read signed: some devices send below-sea-level values)
 * @param speedTenthKmh speed in 0.1 km/h
 * @param course heading in degrees, 0..359, 0 = north, clockwise
 * @param fixTime time of the fix, converted from the frame's GMT+8 to UTC
 * @param items additional information items in the order sent
 * @param itemsMalformed true when an item's length ran past the end of the body: item parsing stopped
 *     there, items after it were not read (the base position is good). A standard item of an unusual
 *     size (vendors reuse ids) is kept but not interpreted by the typed accessors
 */
public record Location(long alarmFlags, long statusFlags, long latitudeMicroDegrees, long longitudeMicroDegrees,
    int altitudeMetres, int speedTenthKmh, int course, Instant fixTime, List<AdditionalItem> items,
    boolean itemsMalformed) {

  /** Status bit: ACC on. */
  public static final long STATUS_ACC = 1L;
  /** Status bit: the position is a valid fix. */
  public static final long STATUS_POSITIONED = 1L << 1;
  /** Status bit: south latitude. */
  public static final long STATUS_SOUTH = 1L << 2;
  /** Status bit: west longitude. */
  public static final long STATUS_WEST = 1L << 3;

  public Location {
    Objects.requireNonNull(fixTime, "fixTime");
    items = List.copyOf(items);
  }

  /**
   * A location in signed degrees and km/h, setting the positioned, south and west status bits.
   *
   * @param extraStatus further status bits (ACC ...) ored in
   */
  public static Location of(Instant fixTime, double latitude, double longitude, double speedKmh, int course,
      int altitudeMetres, long alarmFlags, long extraStatus, List<AdditionalItem> items) {
    long status = extraStatus | STATUS_POSITIONED;
    status = latitude < 0 ? status | STATUS_SOUTH : status & ~STATUS_SOUTH;
    status = longitude < 0 ? status | STATUS_WEST : status & ~STATUS_WEST;
    return new Location(alarmFlags, status, Math.round(Math.abs(latitude) * 1e6), Math.round(Math.abs(longitude) * 1e6),
        altitudeMetres, (int) Math.round(speedKmh * 10), course, fixTime, items, false);
  }

  /** Latitude in degrees, negative in the south. */
  public double latitude() {
    double degrees = latitudeMicroDegrees / 1e6;
    return (statusFlags & STATUS_SOUTH) != 0 ? -degrees : degrees;
  }

  /** Longitude in degrees, negative in the west. */
  public double longitude() {
    double degrees = longitudeMicroDegrees / 1e6;
    return (statusFlags & STATUS_WEST) != 0 ? -degrees : degrees;
  }

  /** Speed in km/h. */
  public double speedKmh() {
    return speedTenthKmh / 10.0;
  }

  /** Whether the terminal says this is a valid satellite fix (status bit 1). */
  public boolean validFix() {
    return (statusFlags & STATUS_POSITIONED) != 0;
  }

  /** The first item with this id. */
  public Optional<AdditionalItem> item(int id) {
    for (AdditionalItem item : items) {
      if (item.id() == id) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** Mileage in km (item 0x01). */
  public OptionalDouble mileageKm() {
    return tenths(AdditionalItem.MILEAGE, 4);
  }

  /** Fuel in litres (item 0x02). */
  public OptionalDouble fuelLitres() {
    return tenths(AdditionalItem.FUEL, 2);
  }

  /** Driving recorder speed in km/h (item 0x03). */
  public OptionalDouble recorderSpeedKmh() {
    return tenths(AdditionalItem.RECORDER_SPEED, 2);
  }

  /** Extended vehicle signal bits (item 0x25). */
  public OptionalLong extendedSignals() {
    long value = number(AdditionalItem.EXTENDED_SIGNALS, 4);
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** IO status bits (item 0x2a). */
  public OptionalInt ioStatus() {
    return small(AdditionalItem.IO_STATUS, 2);
  }

  /** Analog values (item 0x2b: AD0 in the low word, AD1 in the high word). */
  public OptionalLong analog() {
    long value = number(AdditionalItem.ANALOG, 4);
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** Wireless signal strength (item 0x30). */
  public OptionalInt signalStrength() {
    return small(AdditionalItem.SIGNAL_STRENGTH, 1);
  }

  /** GNSS satellites used (item 0x31). */
  public OptionalInt satellites() {
    return small(AdditionalItem.SATELLITES, 1);
  }

  private long number(int id, int size) {
    Optional<AdditionalItem> item = item(id);
    return item.isPresent() ? item.get().unsignedValue(size) : -1;
  }

  private OptionalDouble tenths(int id, int size) {
    long value = number(id, size);
    return value < 0 ? OptionalDouble.empty() : OptionalDouble.of(value / 10.0);
  }

  private OptionalInt small(int id, int size) {
    long value = number(id, size);
    return value < 0 ? OptionalInt.empty() : OptionalInt.of((int) value);
  }
}
