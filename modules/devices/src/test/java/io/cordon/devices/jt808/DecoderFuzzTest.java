package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million pieces of random and mutated input through the connection pipeline (frame decoder,
 * body decoders, session): nothing escapes, the connection stays open, and a good terminal
 * afterwards is served as if nothing had happened. Seeded, so a failure reproduces.
 */
class DecoderFuzzTest {

  private static final long SEED = 808_2013_2019L;
  private static final int PIPELINE_FRAMES = 1_000_000;
  private static final int SOCKET_FRAMES = 20_000;
  private static final String FRESH_TERMINAL = "018888000808";
  private static final Instant TIME = Instant.parse("2026-05-01T08:00:00Z");

  @Test
  void aMillionHostileFramesLeaveTheConnectionOpenAndWorking() throws Exception {
    RecordingSink sink = new RecordingSink();
    Jt808Stats stats = new Jt808Stats();
    // Positions from unauthenticated terminals are taken, so fuzzed locations reach the sink path too.
    Jt808Services services = new Jt808Services(Jt808ServerSettings.defaults().withRequireAuthentication(false),
        new InMemoryJt808Registrations(),
        sink, Jt808SessionListener.NONE, stats, Clock.systemUTC());
    EmbeddedChannel channel = new EmbeddedChannel(new Jt808ChannelInitializer(services));
    FrameMutator mutator = new FrameMutator(SEED);
    long started = System.nanoTime();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    for (int i = 1; i <= PIPELINE_FRAMES; i++) {
      chunk.writeBytes(mutator.next());
      if (i % 64 == 0 || i == PIPELINE_FRAMES) {
        byte[] bytes = chunk.toByteArray();
        chunk.reset();
        int split = mutator.splitPoint(bytes.length);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, split));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
        channel.checkException();
        drainOutbound(channel);
        assertThat(channel.isOpen()).as("open after %d frames", i).isTrue();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("JT808 fuzz: %d hostile frames through the pipeline in %d ms; %s%n", PIPELINE_FRAMES, millis,
        stats);
    assertThat(stats.framesAccepted()).isPositive();
    assertThat(stats.framesRejected()).isPositive();
    assertThat(stats.positions()).isPositive();
    for (Jt808BadFrameReason reason : Jt808BadFrameReason.values()) {
      assertThat(stats.framesRejected(reason)).as(reason.name()).isPositive();
    }

    // The same connection then serves a good terminal: register, authenticate, report.
    Jt808Message.Register registration = new Jt808Message.Register(32, 1100, "70111", "FUZZ", "F000001", 1, "苏E00808",
        Jt808RegisterLayout.V2013);
    channel.writeInbound(Unpooled.wrappedBuffer(Jt808Encoder.encode(registration, Jt808Dialect.V2013, FRESH_TERMINAL,
        1)));
    Jt808Message.RegisterResponse registered = (Jt808Message.RegisterResponse) lastReply(channel);
    assertThat(registered.replySerial()).isEqualTo(1);
    channel.writeInbound(Unpooled.wrappedBuffer(Jt808Encoder.encode(
        new Jt808Message.Authenticate(registered.authCode(), "", ""), Jt808Dialect.V2013, FRESH_TERMINAL, 2)));
    assertThat(lastReply(channel)).isEqualTo(
        Jt808Message.PlatformResponse.of(2, Jt808Message.AUTHENTICATE, Jt808Result.OK));
    drainPositions(sink);
    channel.writeInbound(Unpooled.wrappedBuffer(Jt808Encoder.encode(
        new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)), Jt808Dialect.V2013, FRESH_TERMINAL, 3)));
    assertThat(lastReply(channel)).isEqualTo(
        Jt808Message.PlatformResponse.of(3, Jt808Message.LOCATION, Jt808Result.OK));
    Jt808Position position = sink.next();
    assertThat(position.terminalNumber()).isEqualTo(FRESH_TERMINAL);
    assertThat(position.fixTime()).isEqualTo(TIME);
    assertThat(position.latitude()).isEqualTo(31.301234);
    assertThat(position.authenticated()).isTrue();
    channel.checkException();
    assertThat(channel.isOpen()).isTrue();
    channel.finishAndReleaseAll();
  }

  @Test
  void hostileFramesOverARealSocketLeaveTheConnectionWorking() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Jt808Server server = new Jt808Server(Jt808ServerSettings.defaults(), new InMemoryJt808Registrations(), sink,
        Jt808SessionListener.NONE).start("127.0.0.1", 0);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      BlockingQueue<Jt808Frame> replies = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readReplies(socket, replies), "fuzz-reply-reader");
      reader.setDaemon(true);
      reader.start();
      FrameMutator mutator = new FrameMutator(SEED + 1);
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      for (int i = 1; i <= SOCKET_FRAMES; i++) {
        chunk.writeBytes(mutator.next());
        if (i % 50 == 0) {
          socket.getOutputStream().write(chunk.toByteArray());
          chunk.reset();
        }
      }
      // A lone delimiter ends whatever candidate the fuzz left open, then a good terminal logs in.
      socket.getOutputStream().write(new byte[] {0x7e});
      socket.getOutputStream().write(Jt808Encoder.encode(Fixtures.truckRegistration2013(), Jt808Dialect.V2013,
          FRESH_TERMINAL, 7001));
      Jt808Message.RegisterResponse registered = (Jt808Message.RegisterResponse) awaitReply(replies, 7001);
      socket.getOutputStream().write(Jt808Encoder.encode(new Jt808Message.Authenticate(registered.authCode(), "", ""),
          Jt808Dialect.V2013, FRESH_TERMINAL, 7002));
      assertThat(((Jt808Message.PlatformResponse) awaitReply(replies, 7002)).result()).isZero();
      drainPositions(sink);
      socket.getOutputStream().write(Jt808Encoder.encode(
          new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)), Jt808Dialect.V2013, FRESH_TERMINAL, 7003));
      assertThat(((Jt808Message.PlatformResponse) awaitReply(replies, 7003)).result()).isZero();
      Jt808Position position = sink.next();
      assertThat(position.terminalNumber()).isEqualTo(FRESH_TERMINAL);
      assertThat(position.fixTime()).isEqualTo(TIME);
      assertThat(server.connections()).isEqualTo(1);
      System.out.printf("JT808 socket fuzz: %d hostile frames; %s%n", SOCKET_FRAMES, server.stats());
    }
  }

  private static void drainPositions(RecordingSink sink) throws InterruptedException {
    while (sink.poll(Duration.ZERO) != null) {
      // positions from fuzz frames that happened to be good
    }
  }

  private static void drainOutbound(EmbeddedChannel channel) {
    for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
      ((ByteBuf) o).release();
    }
  }

  private static Jt808Message lastReply(EmbeddedChannel channel) throws MalformedBodyException {
    List<byte[]> frames = new ArrayList<>();
    for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) o;
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      frames.add(bytes);
    }
    assertThat(frames).isNotEmpty();
    byte[] last = frames.get(frames.size() - 1);
    Jt808Frame frame = (Jt808Frame) Jt808FrameParser.parseEscaped(last, 1, last.length - 2);
    assertThat(frame.header().terminalNumber()).isEqualTo(FRESH_TERMINAL);
    return Jt808BodyDecoder.decode(frame);
  }

  /** The reply to our own serial, skipping the replies to fuzz frames. */
  private static Jt808Message awaitReply(BlockingQueue<Jt808Frame> replies, int serial) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Jt808Frame frame = replies.poll(1, TimeUnit.SECONDS);
      if (frame == null || !frame.header().terminalNumber().equals(FRESH_TERMINAL)) {
        continue;
      }
      Jt808Message message = Jt808BodyDecoder.decode(frame);
      int replySerial = message instanceof Jt808Message.RegisterResponse r ? r.replySerial()
          : ((Jt808Message.PlatformResponse) message).replySerial();
      if (replySerial == serial) {
        return message;
      }
    }
    throw new AssertionError("no reply to serial " + serial);
  }

  private static void readReplies(Socket socket, BlockingQueue<Jt808Frame> replies) {
    try {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      boolean inFrame = false;
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == 0x7e) {
          if (inFrame && content.size() > 0) {
            byte[] bytes = content.toByteArray();
            if (Jt808FrameParser.parseEscaped(bytes, 0, bytes.length) instanceof Jt808Frame frame) {
              replies.add(frame);
            }
            content.reset();
            inFrame = false;
          } else {
            inFrame = true;
          }
        } else if (inFrame) {
          content.write(b);
        }
      }
    } catch (IOException e) {
      // socket closed at the end of the test
    }
  }
}
