package io.cordon.devices.jt808;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Decodes a good frame's body (an assembled one for split messages) into a {@link Jt808Message}. */
public final class Jt808BodyDecoder {

  private static final int LOCATION_BASE_BYTES = 28;
  private static final int IMEI_BYTES = 15;
  private static final int SOFTWARE_VERSION_BYTES = 20;

  private Jt808BodyDecoder() {
  }

  /** Decodes a frame's body. */
  public static Jt808Message decode(Jt808Frame frame) throws MalformedBodyException {
    return decode(frame.header(), frame.bodyUnsafe());
  }

  /**
   * Decodes a body under a header.
   *
   * @throws MalformedBodyException when the body is too short or holds impossible values
   */
  public static Jt808Message decode(Jt808Header header, byte[] body) throws MalformedBodyException {
    int id = header.messageId();
    if (header.encryption() != 0) {
      return new Jt808Message.Unsupported(id, body);
    }
    boolean v2019 = header.dialect().version() == Jt808Version.V2019;
    BodyReader in = new BodyReader(body);
    switch (id) {
      case Jt808Message.HEARTBEAT:
        return new Jt808Message.Heartbeat();
      case Jt808Message.UNREGISTER:
        return new Jt808Message.Unregister();
      case Jt808Message.REGISTER:
        return register(in, v2019);
      case Jt808Message.AUTHENTICATE:
        return authenticate(body, v2019);
      case Jt808Message.LOCATION:
        return new Jt808Message.LocationReport(location(in));
      case Jt808Message.LOCATION_BATCH:
        return batch(in);
      case Jt808Message.TERMINAL_RESPONSE:
        return new Jt808Message.TerminalResponse(in.u16("reply serial"), in.u16("reply id"), in.u8("result"));
      case Jt808Message.PLATFORM_RESPONSE:
        return new Jt808Message.PlatformResponse(in.u16("reply serial"), in.u16("reply id"), in.u8("result"));
      case Jt808Message.REGISTER_RESPONSE:
        int serial = in.u16("reply serial");
        int result = in.u8("result");
        return new Jt808Message.RegisterResponse(serial, result, Texts.gbk(in.rest()));
      default:
        return new Jt808Message.Unsupported(id, body);
    }
  }

  private static Jt808Message.Register register(BodyReader in, boolean v2019) throws MalformedBodyException {
    int length = in.remaining();
    Jt808RegisterLayout layout;
    if (v2019 && length >= Jt808RegisterLayout.V2019.fixedBytes()) {
      layout = Jt808RegisterLayout.V2019;
    } else if (length >= Jt808RegisterLayout.V2013.fixedBytes()) {
      layout = Jt808RegisterLayout.V2013;
    } else {
      layout = Jt808RegisterLayout.V2011;
    }
    int province = in.u16("province");
    int city = in.u16("city");
    String maker = in.fixedAscii(layout.makerBytes(), "maker");
    String model = in.fixedAscii(layout.modelBytes(), "model");
    String terminalId = in.fixedAscii(layout.terminalIdBytes(), "terminal id");
    int colour = in.u8("plate colour");
    return new Jt808Message.Register(province, city, maker, model, terminalId, colour, Texts.gbk(in.rest()), layout);
  }

  private static Jt808Message.Authenticate authenticate(byte[] body, boolean v2019) throws MalformedBodyException {
    if (v2019 && body.length >= 1) {
      int codeLength = body[0] & 0xff;
      // Only when the lengths add up: 2019 devices that kept the 2013 body still authenticate.
      if (1 + codeLength + IMEI_BYTES + SOFTWARE_VERSION_BYTES == body.length) {
        BodyReader in = new BodyReader(body, 1, body.length - 1);
        String code = Texts.gbk(in.bytes(codeLength, "auth code"));
        String imei = in.fixedAscii(IMEI_BYTES, "imei");
        String version = in.fixedAscii(SOFTWARE_VERSION_BYTES, "software version");
        return new Jt808Message.Authenticate(code, imei, version);
      }
    }
    return new Jt808Message.Authenticate(Texts.gbk(body), "", "");
  }

  /** Decodes one location body (0x0200 or a 0x0704 item). */
  static Location location(BodyReader in) throws MalformedBodyException {
    if (in.remaining() < LOCATION_BASE_BYTES) {
      throw new MalformedBodyException("location body shorter than 28 bytes: " + in.remaining());
    }
    long alarm = in.u32("alarm");
    long status = in.u32("status");
    long latitude = in.u32("latitude");
    long longitude = in.u32("longitude");
    int altitude = (short) in.u16("altitude");
    int speed = in.u16("speed");
    int course = in.u16("course");
    Instant time = in.bcdTimeGmt8("time");
    List<AdditionalItem> items = new ArrayList<>();
    boolean truncated = false;
    while (in.remaining() > 0) {
      if (in.remaining() < 2) {
        truncated = true;
        break;
      }
      int itemId = in.u8("item id");
      int itemLength = in.u8("item length");
      if (itemLength > in.remaining()) {
        // A bad length makes every later item unreadable; the base position is still good.
        truncated = true;
        break;
      }
      items.add(new AdditionalItem(itemId, in.bytes(itemLength, "item")));
    }
    return new Location(alarm, status, latitude, longitude, altitude, speed, course, time, items, truncated);
  }

  private static Jt808Message.LocationBatch batch(BodyReader in) throws MalformedBodyException {
    int count = in.u16("count");
    int type = in.u8("type");
    List<Location> locations = new ArrayList<>();
    for (int i = 0; i < count && in.remaining() >= 2; i++) {
      int length = in.u16("item length");
      if (length > in.remaining()) {
        break;
      }
      BodyReader item = new BodyReader(in.bytes(length, "item"));
      try {
        locations.add(location(item));
      } catch (MalformedBodyException e) {
        // One bad item does not spoil the others; it is counted as dropped.
      }
    }
    return new Jt808Message.LocationBatch(type, locations, count, Math.max(0, count - locations.size()));
  }
}
