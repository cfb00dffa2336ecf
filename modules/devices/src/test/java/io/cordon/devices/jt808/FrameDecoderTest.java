package io.cordon.devices.jt808;

import static io.cordon.devices.jt808.Fixtures.concat;
import static io.cordon.devices.jt808.Fixtures.heartbeat2013;
import static io.cordon.devices.jt808.Fixtures.location2013;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Framing of the TCP stream: delimiters, escaping, checksum, lengths, and what bad input does. */
class FrameDecoderTest {

  private static final Instant TIME = Instant.parse("2026-05-01T08:00:00Z");

  private final Jt808Stats stats = new Jt808Stats();
  private final EmbeddedChannel channel = new EmbeddedChannel(new Jt808FrameDecoder(2048, stats));

  @AfterEach
  void closeChannel() {
    channel.finishAndReleaseAll();
  }

  private List<Jt808FrameResult> feed(byte[]... reads) {
    for (byte[] read : reads) {
      channel.writeInbound(Unpooled.wrappedBuffer(read));
    }
    List<Jt808FrameResult> results = new ArrayList<>();
    for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
      results.add((Jt808FrameResult) o);
    }
    return results;
  }

  private static List<Integer> serials(List<Jt808FrameResult> results) {
    return results.stream().filter(Jt808Frame.class::isInstance).map(r -> ((Jt808Frame) r).header().serial()).toList();
  }

  private static byte[] withBadChecksum(byte[] frame) {
    byte[] copy = frame.clone();
    copy[copy.length - 2] ^= 0x01;
    if (copy[copy.length - 2] == 0x7e || copy[copy.length - 2] == 0x7d) {
      copy[copy.length - 2] ^= 0x03;
    }
    return copy;
  }

  @Test
  void severalFramesInOneReadAllArrive() {
    assertThat(serials(feed(concat(heartbeat2013(1), location2013(2, TIME), heartbeat2013(3))))).containsExactly(1, 2, 3);
  }

  @Test
  void aFrameSplitAtEveryByteBoundaryArrivesWhole() {
    byte[] stream = concat(location2013(7, TIME), heartbeat2013(8));
    for (int cut = 1; cut < stream.length; cut++) {
      EmbeddedChannel fresh = new EmbeddedChannel(new Jt808FrameDecoder(2048, new Jt808Stats()));
      fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, 0, cut)));
      fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, cut, stream.length)));
      List<Integer> got = new ArrayList<>();
      for (Object o = fresh.readInbound(); o != null; o = fresh.readInbound()) {
        got.add(((Jt808Frame) o).header().serial());
      }
      fresh.finishAndReleaseAll();
      assertThat(got).as("cut at %d", cut).containsExactly(7, 8);
    }
  }

  @Test
  void aFrameFedOneByteAtATimeArrivesWhole() {
    byte[] frame = location2013(9, TIME);
    List<Jt808FrameResult> results = new ArrayList<>();
    for (byte b : frame) {
      results.addAll(feed(new byte[] {b}));
    }
    assertThat(serials(results)).containsExactly(9);
  }

  @Test
  void garbageBeforeAndBetweenFramesLosesNoFrame() {
    byte[] garbage = {0x24, 0x24, 0x00, 0x13, 0x37};
    List<Jt808FrameResult> results = feed(concat(garbage, heartbeat2013(1), garbage, heartbeat2013(2), garbage,
        heartbeat2013(3)));
    assertThat(serials(results)).containsExactly(1, 2, 3);
    assertThat(stats.framesAccepted()).isEqualTo(3);
  }

  @Test
  void repeatedDelimitersAreNotFrames() {
    byte[] delimiters = {0x7e, 0x7e, 0x7e};
    List<Jt808FrameResult> results = feed(concat(delimiters, heartbeat2013(1), delimiters, heartbeat2013(2)));
    assertThat(results).hasSize(2);
    assertThat(stats.framesRejected()).isZero();
  }

  @Test
  void framesSharingOneDelimiterBothArrive() {
    byte[] first = heartbeat2013(1);
    byte[] second = heartbeat2013(2);
    byte[] shared = concat(first, Arrays.copyOfRange(second, 1, second.length));
    assertThat(serials(feed(shared))).containsExactly(1, 2);
  }

  @Test
  void aBadChecksumIsCountedKeepsItsHeaderAndSparesItsNeighbours() {
    List<Jt808FrameResult> results = feed(concat(heartbeat2013(1), withBadChecksum(location2013(2, TIME)),
        heartbeat2013(3)));
    assertThat(serials(results)).containsExactly(1, 3);
    assertThat(results.get(1)).isInstanceOfSatisfying(Jt808BadFrame.class, bad -> {
      assertThat(bad.reason()).isEqualTo(Jt808BadFrameReason.BAD_CHECKSUM);
      assertThat(bad.header().serial()).isEqualTo(2);
      assertThat(bad.header().messageId()).isEqualTo(Jt808Message.LOCATION);
    });
    assertThat(stats.framesRejected(Jt808BadFrameReason.BAD_CHECKSUM)).isEqualTo(1);
  }

  @Test
  void anEscapeByteFollowedByAnythingButOneOrTwoIsABadEscape() {
    byte[] bad = heartbeat2013(2);
    bad[5] = 0x7d;
    bad[6] = 0x03;
    List<Jt808FrameResult> results = feed(concat(heartbeat2013(1), bad, heartbeat2013(3)));
    assertThat(serials(results)).containsExactly(1, 3);
    assertThat(stats.framesRejected(Jt808BadFrameReason.BAD_ESCAPE)).isEqualTo(1);
  }

  @Test
  void anEscapeByteEndingTheFrameIsABadEscape() {
    byte[] frame = heartbeat2013(2);
    byte[] bad = concat(Arrays.copyOf(frame, frame.length - 2), new byte[] {0x7d, 0x7e});
    feed(bad);
    assertThat(stats.framesRejected(Jt808BadFrameReason.BAD_ESCAPE)).isEqualTo(1);
  }

  @Test
  void aFrameCutShortIsTruncatedAndTheNextOneArrives() {
    byte[] location = location2013(2, TIME);
    byte[] cut = concat(Arrays.copyOf(location, 30), new byte[] {0x7e});
    List<Jt808FrameResult> results = feed(concat(cut, heartbeat2013(3)));
    assertThat(serials(results)).containsExactly(3);
    assertThat(stats.framesRejected(Jt808BadFrameReason.TRUNCATED)).isEqualTo(1);
  }

  @Test
  void aFrameShorterThanAHeaderIsTruncated() {
    feed(new byte[] {0x7e, 0x00, 0x02, 0x00, 0x7e});
    assertThat(stats.framesRejected(Jt808BadFrameReason.TRUNCATED)).isEqualTo(1);
  }

  @Test
  void moreBytesThanTheHeaderDeclaresIsABodyLengthMismatch() {
    byte[] heartbeat = heartbeat2013(2);
    byte[] longer = concat(Arrays.copyOf(heartbeat, heartbeat.length - 2), new byte[] {0x11, 0x22},
        Arrays.copyOfRange(heartbeat, heartbeat.length - 2, heartbeat.length));
    feed(longer);
    assertThat(stats.framesRejected(Jt808BadFrameReason.BODY_LENGTH_MISMATCH)).isEqualTo(1);
  }

  @Test
  void anUnknown2019ProtocolVersionIsRefused() {
    byte[] frame = Jt808Encoder.encode(new Jt808Message.Heartbeat(), new Jt808Dialect(Jt808Version.V2019, 7, true),
        Fixtures.TERMINAL_2019, 1);
    feed(frame);
    assertThat(stats.framesRejected(Jt808BadFrameReason.UNKNOWN_VERSION)).isEqualTo(1);
  }

  @Test
  void anOversizedFrameIsDroppedUpToTheNextDelimiterWithoutBufferingIt() {
    byte[] huge = new byte[10_000];
    Arrays.fill(huge, (byte) 0x31);
    huge[0] = 0x7e;
    List<Jt808FrameResult> results = new ArrayList<>(feed(heartbeat2013(1)));
    for (int i = 0; i < 5; i++) {
      results.addAll(feed(huge.clone()));
      huge[0] = 0x31;
    }
    results.addAll(feed(heartbeat2013(2)));
    assertThat(serials(results)).containsExactly(1, 2);
    assertThat(stats.framesRejected(Jt808BadFrameReason.OVERSIZED)).isEqualTo(1);
  }

  @Test
  void anOversizedFrameInsideOneReadIsDroppedAndItsNeighboursArrive() {
    byte[] huge = new byte[3000];
    Arrays.fill(huge, (byte) 0x31);
    huge[0] = 0x7e;
    assertThat(serials(feed(concat(heartbeat2013(1), huge, heartbeat2013(2))))).containsExactly(1, 2);
    assertThat(stats.framesRejected(Jt808BadFrameReason.OVERSIZED)).isEqualTo(1);
  }

  @Test
  void bodyBytesThatLookLikeDelimitersAreEscapedAndComeBack() throws MalformedBodyException {
    Location tricky = Fixtures.locationNeedingEscapes(TIME);
    byte[] frame = Jt808Encoder.encode(new Jt808Message.LocationReport(tricky), Jt808Dialect.V2013,
        Fixtures.TERMINAL_2013, 0x7e7d);
    assertThat(Arrays.copyOfRange(frame, 1, frame.length - 1)).doesNotContain((byte) 0x7e);
    Jt808Frame decoded = (Jt808Frame) feed(frame).get(0);
    assertThat(decoded.header().serial()).isEqualTo(0x7e7d);
    assertThat(Jt808BodyDecoder.decode(decoded)).isEqualTo(new Jt808Message.LocationReport(tricky));
  }
}
