package io.cordon.devices.jt808;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Message bodies this package decodes and encodes, in both directions. */
public sealed interface Jt808Message {

  /** Terminal general response. */
  int TERMINAL_RESPONSE = 0x0001;
  /** Heartbeat. */
  int HEARTBEAT = 0x0002;
  /** Terminal unregister. */
  int UNREGISTER = 0x0003;
  /** Terminal register. */
  int REGISTER = 0x0100;
  /** Terminal authentication. */
  int AUTHENTICATE = 0x0102;
  /** Location report. */
  int LOCATION = 0x0200;
  /** Batch location upload (normal batch or blind-area supplement). */
  int LOCATION_BATCH = 0x0704;
  /** Platform general response. */
  int PLATFORM_RESPONSE = 0x8001;
  /** Register response. */
  int REGISTER_RESPONSE = 0x8100;

  /** The message id of this body. */
  int messageId();

  /**
   * 0x0100: a terminal registers (its first message on a new installation).
   *
   * @param province province id (GB/T 2260 first two digits)
   * @param city city or county id
   * @param maker maker id
   * @param model terminal model
   * @param terminalId maker's terminal id ({@code hex:...} when not printable ASCII)
   * @param plateColour plate colour (JT/T 697.7; 0 = not registered with a plate: plate holds the VIN)
   * @param plate plate number (GBK on the wire)
   * @param layout the edition's field sizes the body used
   */
  record Register(int province, int city, String maker, String model, String terminalId, int plateColour,
      String plate, Jt808RegisterLayout layout) implements Jt808Message {

    public Register {
      Objects.requireNonNull(maker, "maker");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(terminalId, "terminalId");
      Objects.requireNonNull(plate, "plate");
      Objects.requireNonNull(layout, "layout");
    }

    @Override
    public int messageId() {
      return REGISTER;
    }
  }

  /**
   * 0x0102: a terminal proves it holds the auth code the platform issued.
   *
   * @param authCode the auth code
   * @param imei the terminal's IMEI (2019 only, empty otherwise)
   * @param softwareVersion the terminal's software version (2019 only, empty otherwise)
   */
  record Authenticate(String authCode, String imei, String softwareVersion) implements Jt808Message {

    public Authenticate {
      Objects.requireNonNull(authCode, "authCode");
      Objects.requireNonNull(imei, "imei");
      Objects.requireNonNull(softwareVersion, "softwareVersion");
    }

    @Override
    public int messageId() {
      return AUTHENTICATE;
    }
  }

  /** 0x0002: heartbeat (the body, if a vendor adds one, is ignored). */
  record Heartbeat() implements Jt808Message {
    @Override
    public int messageId() {
      return HEARTBEAT;
    }
  }

  /** 0x0003: the terminal unregisters; its auth code is void afterwards. */
  record Unregister() implements Jt808Message {
    @Override
    public int messageId() {
      return UNREGISTER;
    }
  }

  /** 0x0200: one location report. */
  record LocationReport(Location location) implements Jt808Message {

    public LocationReport {
      Objects.requireNonNull(location, "location");
    }

    @Override
    public int messageId() {
      return LOCATION;
    }
  }

  /**
   * 0x0704: several location reports at once.
   *
   * @param type 0 = normal batch, 1 = blind-area supplement (stored while out of coverage)
   * @param locations the items that decoded
   * @param declaredCount the count the terminal declared
   * @param droppedItems items that did not decode (bad time, short body) or were cut off
   */
  record LocationBatch(int type, List<Location> locations, int declaredCount, int droppedItems)
      implements Jt808Message {

    /** Batch type: blind-area supplement. */
    public static final int BLIND_AREA = 1;

    public LocationBatch {
      locations = List.copyOf(locations);
    }

    /** A batch of well-formed locations. */
    public static LocationBatch of(int type, List<Location> locations) {
      return new LocationBatch(type, locations, locations.size(), 0);
    }

    @Override
    public int messageId() {
      return LOCATION_BATCH;
    }
  }

  /**
   * 0x0001: the terminal's answer to a platform message.
   *
   * @param replySerial serial of the platform message answered
   * @param replyMessageId id of the platform message answered
   * @param result 0 ok, 1 failed, 2 bad message, 3 not supported
   */
  record TerminalResponse(int replySerial, int replyMessageId, int result) implements Jt808Message {
    @Override
    public int messageId() {
      return TERMINAL_RESPONSE;
    }
  }

  /**
   * 0x8001: the platform's answer to a terminal message.
   *
   * @param replySerial serial of the terminal message answered
   * @param replyMessageId id of the terminal message answered
   * @param result result code ({@link Jt808Result})
   */
  record PlatformResponse(int replySerial, int replyMessageId, int result) implements Jt808Message {

    /** A response with a known result. */
    public static PlatformResponse of(int replySerial, int replyMessageId, Jt808Result result) {
      return new PlatformResponse(replySerial, replyMessageId, result.code());
    }

    @Override
    public int messageId() {
      return PLATFORM_RESPONSE;
    }
  }

  /**
   * 0x8100: the platform's answer to a register.
   *
   * @param replySerial serial of the register message
   * @param result 0 ok, 1 vehicle already registered, 2 no such vehicle, 3 terminal already
   *     registered, 4 no such terminal
   * @param authCode the auth code when the result is 0, else empty
   */
  record RegisterResponse(int replySerial, int result, String authCode) implements Jt808Message {

    /** Result: registered. */
    public static final int OK = 0;

    public RegisterResponse {
      Objects.requireNonNull(authCode, "authCode");
    }

    @Override
    public int messageId() {
      return REGISTER_RESPONSE;
    }
  }

  /** Any other message id, or an encrypted body: kept raw and answered "not supported". */
  record Unsupported(int messageId, byte[] body) implements Jt808Message {

    public Unsupported {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Unsupported that && messageId == that.messageId && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
      return 31 * messageId + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
      return String.format("Unsupported[0x%04x, %s]", messageId, HexFormat.of().formatHex(body));
    }
  }
}
