package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Frames captured from devices in the field (public test suites of Traccar, SmallChi, go-jt808 and
 * device logs), read from the shared reference table: every one is decoded and the fields the
 * standard gives are compared.
 */
class FieldFramesTest {

  private static final Pattern REPLY = Pattern.compile("(?:platform reply =|server replied) (7e[0-9a-f]+7e)");

  private static List<FieldFrame> frames;

  @BeforeAll
  static void loadTable() throws IOException {
    assumeTrue(Files.isRegularFile(FieldFrame.table()), "field frame table absent: " + FieldFrame.table());
    frames = FieldFrame.load(FieldFrame.table());
  }

  @Test
  void everyFieldFrameDecodesToTheFieldsTheStandardGives() {
    List<String> failures = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    int flagged = 0;
    Map<Jt808BadFrameReason, Integer> reasons = new EnumMap<>(Jt808BadFrameReason.class);
    for (FieldFrame frame : frames) {
      if (frame.escapeOnly()) {
        continue;
      }
      Checks c = new Checks(frame, failures);
      Jt808FrameResult result = decodeAlone(frame.wire());
      boolean mustReject = frame.badChecksum() || frame.lengthMismatch();
      c.same("accepted", result instanceof Jt808Frame, !mustReject);
      if (result instanceof Jt808BadFrame bad) {
        reasons.merge(bad.reason(), 1, Integer::sum);
      }
      if (!(result instanceof Jt808Frame good)) {
        rejected++;
        continue;
      }
      accepted++;
      compareHeader(c, good.header());
      try {
        Jt808Message message = Jt808BodyDecoder.decode(good);
        flagged += compareMessage(c, frame, good.header(), message);
        compareReply(c, frame, good.header());
      } catch (MalformedBodyException e) {
        failures.add(frame + ": body did not decode: " + e.getMessage());
      }
    }
    int total = accepted + rejected;
    System.out.printf("JT808 field frames: %d frames, accepted %d (%.1f%%), rejected %d (%.1f%%), "
        + "accepted with malformed additional items %d; rejected by reason %s%n", total, accepted,
        100.0 * accepted / total, rejected, 100.0 * rejected / total, flagged, reasons);
    assertThat(failures).isEmpty();
    assertThat(total).isEqualTo(frames.size() - 2);
    assertThat(rejected).isEqualTo(frames.stream().filter(f -> !f.escapeOnly())
        .filter(f -> f.badChecksum() || f.lengthMismatch()).count());
  }

  @Test
  void everyFrameWithABadChecksumIsRejected() {
    List<FieldFrame> bad = frames.stream().filter(FieldFrame::badChecksum).toList();
    assertThat(bad).isNotEmpty();
    for (FieldFrame frame : bad) {
      assertThat(decodeAlone(frame.wire())).as(frame.toString()).isInstanceOf(Jt808BadFrame.class);
    }
  }

  @Test
  void theWholeTableAsOneStreamYieldsTheSameResultsAsFrameByFrame() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<Jt808FrameResult> oneByOne = new ArrayList<>();
    for (FieldFrame frame : frames) {
      if (frame.escapeOnly()) {
        continue;
      }
      stream.writeBytes(frame.wire());
      oneByOne.add(decodeAlone(frame.wire()));
    }
    EmbeddedChannel channel = new EmbeddedChannel(new Jt808FrameDecoder(2048, new Jt808Stats()));
    channel.writeInbound(Unpooled.wrappedBuffer(stream.toByteArray()));
    List<Jt808FrameResult> streamed = new ArrayList<>();
    for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
      streamed.add((Jt808FrameResult) o);
    }
    channel.finishAndReleaseAll();
    assertThat(streamed).isEqualTo(oneByOne);
  }

  @Test
  void escapeOnlyFramesUnescapeAsTheSourceSays() {
    for (FieldFrame frame : frames.stream().filter(FieldFrame::escapeOnly).toList()) {
      byte[] wire = frame.wire();
      int start = indexOf(wire, 0x7e, 0);
      int end = indexOf(wire, 0x7e, start + 1);
      byte[] content = Jt808FrameParser.unescape(wire, start + 1, end - start - 1);
      String expected = frame.expected().get("unescaped").split(" ")[0];
      assertThat("7e" + HexFormat.of().formatHex(content) + "7e").as(frame.toString()).isEqualTo(expected);
    }
  }

  private static int indexOf(byte[] bytes, int value, int from) {
    for (int i = from; i < bytes.length; i++) {
      if ((bytes[i] & 0xff) == value) {
        return i;
      }
    }
    return -1;
  }

  static Jt808FrameResult decodeAlone(byte[] wire) {
    EmbeddedChannel channel = new EmbeddedChannel(new Jt808FrameDecoder(2048, new Jt808Stats()));
    channel.writeInbound(Unpooled.wrappedBuffer(wire));
    Jt808FrameResult result = channel.readInbound();
    assertThat((Object) channel.readInbound()).isNull();
    channel.finishAndReleaseAll();
    return result;
  }

  private static void compareHeader(Checks c, Jt808Header header) {
    c.text("phone", header.terminalNumber());
    c.integer("serial", header.serial());
    c.integer("body_len", header.bodyLength());
    c.text("ver", header.dialect().version() == Jt808Version.V2019
        ? "2019(v" + header.dialect().protocolVersion() + ")" : "2013/2011");
    c.integer("enc", header.encryption());
  }

  /** Compares the body's fields; returns 1 when the frame was accepted with malformed additional items. */
  private static int compareMessage(Checks c, FieldFrame frame, Jt808Header header, Jt808Message message) {
    int flagged = 0;
    if (message instanceof Jt808Message.LocationReport report) {
      compareLocation(c, "", report.location());
      boolean malformed = frame.expected().containsKey("trailing_bytes");
      c.same("items malformed", report.location().itemsMalformed(), malformed);
      flagged += report.location().itemsMalformed() ? 1 : 0;
    } else if (message instanceof Jt808Message.LocationBatch batch) {
      c.integer("count", batch.declaredCount());
      c.integer("batch_type", batch.type());
      c.integer("items_parsed", batch.locations().size());
      for (int i = 0; i < batch.locations().size(); i++) {
        compareLocation(c, "p" + i + ".", batch.locations().get(i));
      }
    } else if (message instanceof Jt808Message.Register register) {
      c.integer("province", register.province());
      c.integer("city", register.city());
      c.text("maker", register.maker());
      c.text("model", register.model());
      c.text("terminal_id", register.terminalId());
      c.integer("plate_color", register.plateColour());
      c.text("plate", register.plate());
      c.text("reg_layout", register.layout().name().substring(1));
    } else if (message instanceof Jt808Message.Authenticate auth) {
      c.text("auth_code", auth.authCode());
      c.same("imei", auth.imei(), frame.expected().getOrDefault("imei", ""));
      c.same("sw_version", auth.softwareVersion(), frame.expected().getOrDefault("sw_version", ""));
    } else if (message instanceof Jt808Message.TerminalResponse response) {
      compareResponse(c, response.replySerial(), response.replyMessageId(), response.result());
    } else if (message instanceof Jt808Message.PlatformResponse response) {
      compareResponse(c, response.replySerial(), response.replyMessageId(), response.result());
      c.same("re-encoded", HexFormat.of().formatHex(Jt808Encoder.encode(response, header.dialect(),
          header.terminalNumber(), header.serial())), hex(frame));
    } else if (message instanceof Jt808Message.RegisterResponse response) {
      c.integer("ack_serial", response.replySerial());
      c.integer("result", response.result());
      c.same("auth_code", response.authCode(), frame.expected().getOrDefault("auth_code", ""));
      c.same("re-encoded", HexFormat.of().formatHex(Jt808Encoder.encode(response, header.dialect(),
          header.terminalNumber(), header.serial())), hex(frame));
    } else if (message instanceof Jt808Message.Heartbeat) {
      c.integer("body_bytes", header.bodyLength());
    } else {
      c.same("decoded as", message.getClass().getSimpleName(), "Unsupported");
    }
    return flagged;
  }

  private static String hex(FieldFrame frame) {
    return HexFormat.of().formatHex(frame.wire());
  }

  private static void compareResponse(Checks c, int serial, int id, int result) {
    c.integer("ack_serial", serial);
    c.integer("ack_msg_id", id);
    c.integer("result", result);
  }

  /** Where the source shows the platform's reply to this frame, ours must be byte for byte the same. */
  private static void compareReply(Checks c, FieldFrame frame, Jt808Header request) {
    Matcher matcher = REPLY.matcher(frame.asserts());
    if (!matcher.find()) {
      return;
    }
    String expectedReply = matcher.group(1);
    Jt808FrameResult reply = decodeAlone(HexFormat.of().parseHex(expectedReply));
    int platformSerial = ((Jt808Frame) reply).header().serial();
    byte[] ours = Jt808Encoder.encode(Jt808Message.PlatformResponse.of(request.serial(), request.messageId(),
        Jt808Result.OK), request.dialect(), request.terminalNumber(), platformSerial);
    c.same("reply", HexFormat.of().formatHex(ours), expectedReply);
  }

  private static void compareLocation(Checks c, String p, Location location) {
    c.integer(p + "alarm", location.alarmFlags());
    c.integer(p + "status", location.statusFlags());
    c.integer(p + "fix", location.validFix() ? 1 : 0);
    c.integer(p + "acc", location.statusFlags() & 1);
    c.number(p + "lat", location.latitude());
    c.number(p + "lon", location.longitude());
    c.integer(p + "alt_m", location.altitudeMetres());
    c.number(p + "speed_kmh", location.speedKmh());
    c.integer(p + "course", location.course());
    c.text(p + "time_utc", location.fixTime().toString());
    c.number(p + "mileage_km", location.mileageKm().isPresent() ? location.mileageKm().getAsDouble() : null);
    c.number(p + "fuel_l", location.fuelLitres().isPresent() ? location.fuelLitres().getAsDouble() : null);
    c.number(p + "rec_speed_kmh",
        location.recorderSpeedKmh().isPresent() ? location.recorderSpeedKmh().getAsDouble() : null);
    c.number(p + "rssi", location.signalStrength().isPresent() ? (double) location.signalStrength().getAsInt() : null);
    c.number(p + "gnss_sats", location.satellites().isPresent() ? (double) location.satellites().getAsInt() : null);
    if (!location.itemsMalformed()) {
      c.text(p + "add_ids", String.join(",", location.items().stream().map(i -> String.format("%02x", i.id())).toList()));
    }
  }

  /** Collects mismatches between decoded values and the table's expected fields (absent fields are not checked). */
  static final class Checks {
    private final FieldFrame frame;
    private final List<String> failures;

    Checks(FieldFrame frame, List<String> failures) {
      this.frame = frame;
      this.failures = failures;
    }

    void text(String key, String actual) {
      String expected = frame.expected().get(key);
      if (expected != null) {
        same(key, actual, expected);
      }
    }

    void integer(String key, long actual) {
      String expected = frame.expected().get(key);
      if (expected != null && Long.decode(expected) != actual) {
        failures.add(frame + ": " + key + " expected " + expected + " but was " + actual);
      }
    }

    void number(String key, Double actual) {
      String expected = frame.expected().get(key);
      if (expected != null && (actual == null || Math.abs(Double.parseDouble(expected) - actual) > 1e-7)) {
        failures.add(frame + ": " + key + " expected " + expected + " but was " + actual);
      }
    }

    void same(String what, Object actual, Object expected) {
      if (!expected.equals(actual)) {
        failures.add(frame + ": " + what + " expected " + expected + " but was " + actual);
      }
    }
  }
}
