package io.cordon.devices.jt808;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded source of hostile input: random bytes and valid frames flipped, cut, duplicated, stuffed
 * with 0x7e/0x7d, or rebuilt with a correct checksum around a damaged body (to reach the body
 * decoders and the session, not just the checksum).
 */
final class FrameMutator {

  private static final int[] MESSAGE_IDS = {0x0001, 0x0002, 0x0003, 0x0100, 0x0102, 0x0200, 0x0704, 0x8001, 0x8100,
      0x0900, 0x0f00};

  private final Random random;
  private final List<byte[]> seeds = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();

  FrameMutator(long seed) {
    this.random = new Random(seed);
    Instant time = Instant.parse("2026-05-01T08:00:00Z");
    List<Jt808Message> messages = List.of(new Jt808Message.Heartbeat(), new Jt808Message.Unregister(),
        Fixtures.truckRegistration2013(), Fixtures.truckRegistration2019(),
        new Jt808Message.Authenticate("ABCDEFGH", "123456789012345", "1.0"),
        new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(time)),
        new Jt808Message.LocationReport(Fixtures.locationNeedingEscapes(time)),
        Jt808Message.LocationBatch.of(1, List.of(Fixtures.tankerOnMainRoad(time), Fixtures.tankerOnMainRoad(time))),
        new Jt808Message.TerminalResponse(1, 0x8103, 0), new Jt808Message.Unsupported(0x0900, new byte[] {1, 2}));
    for (Jt808Message message : messages) {
      for (Jt808Dialect dialect : List.of(Jt808Dialect.V2013, Jt808Dialect.V2019, Jt808Dialect.V2013_FLAGGED)) {
        String terminal = dialect.version() == Jt808Version.V2019 ? Fixtures.TERMINAL_2019 : Fixtures.TERMINAL_2013;
        seeds.add(Jt808Encoder.encode(message, dialect, terminal, random.nextInt(65536)));
        seeds.addAll(Jt808Encoder.encodeSplit(message, dialect, terminal, random.nextInt(65536), 20));
        bodies.add(Jt808Encoder.body(message, dialect));
      }
    }
  }

  /** A valid frame (for checks after the fuzz). */
  byte[] validSeed() {
    return seeds.get(random.nextInt(seeds.size())).clone();
  }

  /** One piece of hostile input. */
  byte[] next() {
    switch (random.nextInt(9)) {
      case 0:
        return randomBytes();
      case 1:
        return flip(validSeed());
      case 2:
        return cut(validSeed());
      case 3:
        return duplicateSlice(validSeed());
      case 4:
        return stuffDelimiters(validSeed());
      case 5:
      case 6:
        return rebuiltAroundDamagedBody();
      case 7:
        return random.nextInt(20) == 0 ? oversized() : validSeed();
      default:
        return random.nextInt(4) == 0 ? Fixtures.concat(cut(validSeed()), cut(validSeed())) : validSeed();
    }
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[1 + random.nextInt(300)];
    random.nextBytes(bytes);
    if (random.nextBoolean()) {
      bytes[0] = 0x7e;
      bytes[bytes.length - 1] = 0x7e;
    }
    return bytes;
  }

  /** An opening delimiter followed by more bytes than a frame may have, none of them a delimiter. */
  private byte[] oversized() {
    byte[] bytes = new byte[2100 + random.nextInt(3000)];
    random.nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0x7e) {
        bytes[i] = 0x31;
      }
    }
    bytes[0] = 0x7e;
    return bytes;
  }

  private byte[] flip(byte[] frame) {
    int flips = 1 + random.nextInt(5);
    for (int i = 0; i < flips; i++) {
      frame[random.nextInt(frame.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return frame;
  }

  private byte[] cut(byte[] frame) {
    int from = random.nextInt(frame.length);
    int to = from + random.nextInt(frame.length - from) + 1;
    byte[] out = new byte[to - from];
    System.arraycopy(frame, from, out, 0, out.length);
    return out;
  }

  private byte[] duplicateSlice(byte[] frame) {
    int from = random.nextInt(frame.length);
    int length = random.nextInt(frame.length - from) + 1;
    int at = random.nextInt(frame.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(frame, 0, at);
    out.write(frame, from, length);
    out.write(frame, at, frame.length - at);
    return out.toByteArray();
  }

  private byte[] stuffDelimiters(byte[] frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int stuffings = 1 + random.nextInt(4);
    int[] positions = random.ints(stuffings, 0, frame.length).sorted().toArray();
    int p = 0;
    for (int i = 0; i < frame.length; i++) {
      while (p < positions.length && positions[p] == i) {
        out.write(random.nextBoolean() ? 0x7e : 0x7d);
        p++;
      }
      out.write(frame[i]);
    }
    return out.toByteArray();
  }

  private byte[] rebuiltAroundDamagedBody() {
    byte[] body = bodies.get(random.nextInt(bodies.size())).clone();
    int damage = random.nextInt(4);
    if (damage == 0 && body.length > 0) {
      body = cutBody(body);
    } else if (damage == 1 && body.length > 0) {
      body[random.nextInt(body.length)] = (byte) random.nextInt(256);
    } else if (damage == 2) {
      body = new byte[random.nextInt(120)];
      random.nextBytes(body);
    }
    if (body.length > Jt808Encoder.MAX_BODY_BYTES) {
      body = Arrays.copyOf(body, Jt808Encoder.MAX_BODY_BYTES);
    }
    Jt808Dialect dialect = List.of(Jt808Dialect.V2013, Jt808Dialect.V2019, Jt808Dialect.V2013_FLAGGED)
        .get(random.nextInt(3));
    String terminal = dialect.version() == Jt808Version.V2019 ? Fixtures.TERMINAL_2019 : Fixtures.TERMINAL_2013;
    Jt808Subpackage sub = random.nextInt(5) == 0
        ? new Jt808Subpackage(random.nextInt(65536), random.nextInt(65536)) : null;
    return Jt808Encoder.frame(MESSAGE_IDS[random.nextInt(MESSAGE_IDS.length)], dialect, terminal,
        random.nextInt(65536), sub, body);
  }

  private byte[] cutBody(byte[] body) {
    return Arrays.copyOf(body, random.nextInt(body.length));
  }

  /** A random split point inside a chunk (reads do not follow frame boundaries). */
  int splitPoint(int length) {
    return random.nextInt(length + 1);
  }
}
