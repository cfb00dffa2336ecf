package io.cordon.devices.jt808;

import java.time.Instant;
import java.util.List;

/** Messages and frames built with the production encoder, named for what they are. */
final class Fixtures {

  static final String TERMINAL_2013 = "013912345678";
  static final String TERMINAL_2019 = "00000000017299841738";
  /** 2024-03-01 00:30:15 in Beijing, which is still 29 February in UTC (leap year). */
  static final Instant JUST_AFTER_MIDNIGHT_BEIJING = Instant.parse("2024-02-29T16:30:15Z");

  private Fixtures() {
  }

  static Jt808Message.Register truckRegistration2013() {
    return new Jt808Message.Register(32, 1100, "70111", "HZ-808-T", "A123456", 1, "苏E12345",
        Jt808RegisterLayout.V2013);
  }

  static Jt808Message.Register truckRegistration2019() {
    return new Jt808Message.Register(32, 1100, "MAKER000001", "HZ-808-2019", "TERM-2019-0001", 2, "苏E6789挂",
        Jt808RegisterLayout.V2019);
  }

  /** A tanker on the park's main road, ACC on, with mileage, signal and satellites. */
  static Location tankerOnMainRoad(Instant time) {
    return Location.of(time, 31.301234, 120.612345, 35.5, 90, 12, 0, Location.STATUS_ACC,
        List.of(AdditionalItem.mileageKm(1234.5), AdditionalItem.signalStrength(25), AdditionalItem.satellites(11)));
  }

  /** A location whose body bytes contain 0x7e and 0x7d, so the frame needs escaping. */
  static Location locationNeedingEscapes(Instant time) {
    return new Location(0x7e7d7e7dL, Location.STATUS_POSITIONED, 0x017d7e00L, 0x067e7d00L, 0x7e, 0x7d7e, 0x7d,
        time, List.of(new AdditionalItem(0xe1, new byte[] {0x7e, 0x7d, 0x7e, 0x7d, 0x02, 0x01})), false);
  }

  static byte[] frame(Jt808Message message, Jt808Dialect dialect, String terminal, int serial) {
    return Jt808Encoder.encode(message, dialect, terminal, serial);
  }

  static byte[] location2013(int serial, Instant time) {
    return frame(new Jt808Message.LocationReport(tankerOnMainRoad(time)), Jt808Dialect.V2013, TERMINAL_2013, serial);
  }

  static byte[] heartbeat2013(int serial) {
    return frame(new Jt808Message.Heartbeat(), Jt808Dialect.V2013, TERMINAL_2013, serial);
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int pos = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, pos, part.length);
      pos += part.length;
    }
    return out;
  }
}
