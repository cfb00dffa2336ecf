package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server over real TCP on loopback, with terminals on plain sockets. */
class Jt808ServerTest {

  private static final Instant TIME = Instant.parse("2026-05-01T08:00:00Z");

  private final RecordingSink sink = new RecordingSink();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private Jt808Server server;

  private Jt808Server start(Jt808ServerSettings settings) {
    Jt808SessionListener listener = new Jt808SessionListener() {
      @Override
      public void registered(String terminalNumber, Jt808Message.Register registration) {
        events.add("registered " + terminalNumber + " " + registration.plate());
      }

      @Override
      public void authenticated(String terminalNumber, SocketAddress remote) {
        events.add("authenticated " + terminalNumber);
      }

      @Override
      public void disconnected(String terminalNumber, SocketAddress remote) {
        events.add("disconnected " + terminalNumber);
      }
    };
    server = new Jt808Server(settings, new InMemoryJt808Registrations(), sink, listener).start("127.0.0.1", 0);
    return server;
  }

  private Jt808Server start() {
    return start(Jt808ServerSettings.defaults());
  }

  private TestTerminal terminal2013() throws IOException {
    return new TestTerminal(server.port(), Jt808Dialect.V2013, Fixtures.TERMINAL_2013);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRegistrationIsAnsweredWithAnAuthCode() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      int serial = terminal.send(Fixtures.truckRegistration2013());
      Jt808Frame frame = terminal.readFrame();
      assertThat(frame.header().messageId()).isEqualTo(Jt808Message.REGISTER_RESPONSE);
      assertThat(frame.header().terminalNumber()).isEqualTo(Fixtures.TERMINAL_2013);
      Jt808Message.RegisterResponse response = (Jt808Message.RegisterResponse) Jt808BodyDecoder.decode(frame);
      assertThat(response.replySerial()).isEqualTo(serial);
      assertThat(response.result()).isZero();
      assertThat(response.authCode()).hasSize(16);
    } catch (MalformedBodyException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theIssuedAuthCodeAuthenticates() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.send(Fixtures.truckRegistration2013());
      String code = ((Jt808Message.RegisterResponse) terminal.read()).authCode();
      int serial = terminal.send(new Jt808Message.Authenticate(code, "", ""));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.AUTHENTICATE, Jt808Result.OK));
    }
  }

  @Test
  void anUnknownAuthCodeFails() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.send(Fixtures.truckRegistration2013());
      terminal.read();
      int serial = terminal.send(new Jt808Message.Authenticate("not-the-code", "", ""));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.AUTHENTICATE, Jt808Result.FAILED));
    }
  }

  @Test
  void aLocationIsAcknowledgedAndReachesTheSinkInUtc() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      int serial = terminal.send(new Jt808Message.LocationReport(
          Fixtures.tankerOnMainRoad(Fixtures.JUST_AFTER_MIDNIGHT_BEIJING)));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.LOCATION, Jt808Result.OK));
      Jt808Position position = sink.next();
      assertThat(position.terminalNumber()).isEqualTo(Fixtures.TERMINAL_2013);
      assertThat(position.fixTime()).isEqualTo(Instant.parse("2024-02-29T16:30:15Z"));
      assertThat(position.latitude()).isEqualTo(31.301234);
      assertThat(position.longitude()).isEqualTo(120.612345);
      assertThat(position.speedKmh()).isEqualTo(35.5);
      assertThat(position.course()).isEqualTo(90);
      assertThat(position.altitudeMetres()).isEqualTo(12);
      assertThat(position.validFix()).isTrue();
      assertThat(position.mileageKm()).isEqualTo(1234.5);
      assertThat(position.satellites()).isEqualTo(11);
      assertThat(position.signalStrength()).isEqualTo(25);
      assertThat(position.origin()).isEqualTo(Jt808PositionOrigin.LIVE);
      assertThat(position.authenticated()).isTrue();
    }
  }

  @Test
  void aBatchOfThreeGivesThreePositionsInOrder() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      int serial = terminal.send(Jt808Message.LocationBatch.of(Jt808Message.LocationBatch.BLIND_AREA, List.of(
          Fixtures.tankerOnMainRoad(TIME), Fixtures.tankerOnMainRoad(TIME.plusSeconds(10)),
          Fixtures.tankerOnMainRoad(TIME.plusSeconds(20)))));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.LOCATION_BATCH, Jt808Result.OK));
      assertThat(List.of(sink.next(), sink.next(), sink.next())).extracting(Jt808Position::fixTime)
          .containsExactly(TIME, TIME.plusSeconds(10), TIME.plusSeconds(20));
      assertThat(sink.poll(Duration.ofMillis(100))).isNull();
    }
  }

  @Test
  void batchItemsAreMarkedAsBlindAreaSupplements() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      terminal.send(Jt808Message.LocationBatch.of(Jt808Message.LocationBatch.BLIND_AREA,
          List.of(Fixtures.tankerOnMainRoad(TIME))));
      terminal.readResponse();
      assertThat(sink.next().origin()).isEqualTo(Jt808PositionOrigin.BLIND_AREA);
    }
  }

  @Test
  void a2019TerminalIsAnsweredIn2019() throws Exception {
    start();
    try (TestTerminal terminal = new TestTerminal(server.port(), Jt808Dialect.V2019, Fixtures.TERMINAL_2019)) {
      terminal.send(Fixtures.truckRegistration2019());
      Jt808Frame registered = terminal.readFrame();
      assertThat(registered.header().dialect()).isEqualTo(Jt808Dialect.V2019);
      String code = ((Jt808Message.RegisterResponse) Jt808BodyDecoder.decode(registered)).authCode();
      terminal.send(new Jt808Message.Authenticate(code, "123456789012345", "3.7.15"));
      Jt808Frame authenticated = terminal.readFrame();
      assertThat(authenticated.header().dialect()).isEqualTo(Jt808Dialect.V2019);
      assertThat(authenticated.header().terminalNumber()).isEqualTo(Fixtures.TERMINAL_2019);
      assertThat(((Jt808Message.PlatformResponse) Jt808BodyDecoder.decode(authenticated)).result()).isZero();
      terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      assertThat(terminal.readResponse().result()).isZero();
      assertThat(sink.next().terminalNumber()).isEqualTo(Fixtures.TERMINAL_2019);
    }
  }

  @Test
  void aTerminalSettingTheVersionBitWithA2013HeaderIsAnsweredTheSameWay() throws Exception {
    start();
    try (TestTerminal terminal = new TestTerminal(server.port(), Jt808Dialect.V2013_FLAGGED, "010030000681")) {
      terminal.logIn(Fixtures.truckRegistration2013());
      terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      Jt808Frame reply = terminal.readFrame();
      assertThat(reply.header().dialect()).isEqualTo(Jt808Dialect.V2013_FLAGGED);
      assertThat(sink.next().terminalNumber()).isEqualTo("010030000681");
    }
  }

  @Test
  void locationsBeforeAuthenticationAreRefused() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      int serial = terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.LOCATION, Jt808Result.FAILED));
      assertThat(sink.poll(Duration.ofMillis(100))).isNull();
    }
  }

  @Test
  void withoutRequiredAuthenticationLocationsAreTakenAndMarked() throws Exception {
    start(Jt808ServerSettings.defaults().withRequireAuthentication(false));
    try (TestTerminal terminal = terminal2013()) {
      terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      assertThat(terminal.readResponse().result()).isZero();
      assertThat(sink.next().authenticated()).isFalse();
    }
  }

  @Test
  void aHeartbeatIsAcknowledged() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      int serial = terminal.send(new Jt808Message.Heartbeat());
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.HEARTBEAT, Jt808Result.OK));
    }
  }

  @Test
  void anUnknownMessageIdIsNotSupported() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      int serial = terminal.send(new Jt808Message.Unsupported(0x0900, new byte[] {1, 2, 3}));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, 0x0900, Jt808Result.NOT_SUPPORTED));
    }
  }

  @Test
  void aBadChecksumIsAnsweredAsABadMessageAndTheNextFrameStillWorks() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      int serial = terminal.nextSerial();
      byte[] frame = Jt808Encoder.encode(new Jt808Message.Heartbeat(), Jt808Dialect.V2013, terminal.number(), serial);
      frame[frame.length - 2] ^= 0x01;
      terminal.sendRaw(frame);
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.HEARTBEAT, Jt808Result.BAD_MESSAGE));
      int next = terminal.send(new Jt808Message.Heartbeat());
      assertThat(terminal.readResponse().replySerial()).isEqualTo(next);
      assertThat(server.stats().framesRejected(Jt808BadFrameReason.BAD_CHECKSUM)).isEqualTo(1);
    }
  }

  @Test
  void aMalformedBodyIsAnsweredAsABadMessage() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      int serial = terminal.nextSerial();
      terminal.sendRaw(Jt808Encoder.frame(Jt808Message.LOCATION, Jt808Dialect.V2013, terminal.number(), serial, null,
          new byte[12]));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.LOCATION, Jt808Result.BAD_MESSAGE));
    }
  }

  @Test
  void garbageAndBrokenFramesBetweenGoodOnesLoseNoGoodOne() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      byte[] truncated = Fixtures.concat(Arrays.copyOf(Fixtures.location2013(900, TIME), 20),
          new byte[] {0x7e});
      byte[] badEscape = {0x7e, 0x00, 0x02, 0x7d, 0x05, 0x7e};
      byte[] garbage = {0x24, 0x24, 0x41, 0x42};
      for (int i = 0; i < 20; i++) {
        int serial = terminal.nextSerial();
        terminal.sendRaw(Fixtures.concat(garbage, truncated, badEscape, Jt808Encoder.encode(
            new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME.plusSeconds(i))), Jt808Dialect.V2013,
            terminal.number(), serial), garbage));
        assertThat(terminal.readResponse().replySerial()).isEqualTo(serial);
      }
      for (int i = 0; i < 20; i++) {
        assertThat(sink.next().fixTime()).isEqualTo(TIME.plusSeconds(i));
      }
    }
  }

  @Test
  void aSplitBatchIsJoinedAndEachPacketAnswered() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      Jt808Message batch = Jt808Message.LocationBatch.of(0, List.of(Fixtures.tankerOnMainRoad(TIME),
          Fixtures.tankerOnMainRoad(TIME.plusSeconds(1)), Fixtures.tankerOnMainRoad(TIME.plusSeconds(2))));
      int first = terminal.nextSerial();
      List<byte[]> packets = Jt808Encoder.encodeSplit(batch, Jt808Dialect.V2013, terminal.number(), first, 40);
      for (int i = 1; i < packets.size(); i++) {
        terminal.nextSerial();
      }
      for (byte[] packet : packets) {
        terminal.sendRaw(packet);
      }
      for (int i = 0; i < packets.size(); i++) {
        Jt808Message.PlatformResponse response = terminal.readResponse();
        assertThat(response.replySerial()).isEqualTo(first + i);
        assertThat(response.result()).isZero();
      }
      assertThat(List.of(sink.next(), sink.next(), sink.next())).extracting(Jt808Position::fixTime)
          .containsExactly(TIME, TIME.plusSeconds(1), TIME.plusSeconds(2));
    }
  }

  @Test
  void aFailingSinkIsAnsweredFailedSoTheTerminalResends() throws IOException {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      sink.fail();
      int serial = terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      assertThat(terminal.readResponse()).isEqualTo(
          Jt808Message.PlatformResponse.of(serial, Jt808Message.LOCATION, Jt808Result.FAILED));
    }
  }

  @Test
  void aLocationIsAcknowledgedOnlyOnceTheSinkHasTakenIt() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      sink.hold();
      terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)));
      sink.next();
      terminal.timeout(300);
      assertThat(terminal.closedByServer()).isFalse(); // nothing to read: no ack yet
      sink.release();
      terminal.timeout(5000);
      assertThat(terminal.readResponse().result()).isZero();
    }
  }

  @Test
  void aConnectionStopsReadingWhileTooManyAcksArePending() throws Exception {
    start(Jt808ServerSettings.defaults().withMaxPendingAcks(4));
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
      sink.hold();
      for (int i = 0; i < 50; i++) {
        terminal.send(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME.plusSeconds(i))));
      }
      while (sink.heldCount() < 4) {
        Thread.sleep(10);
      }
      Thread.sleep(300);
      assertThat(sink.heldCount()).isEqualTo(4);
      int seen = 0;
      while (seen < 50) {
        sink.release();
        sink.hold();
        if (sink.poll(Duration.ofMillis(50)) != null) {
          seen++;
        }
      }
      sink.release();
      for (int i = 0; i < 50; i++) {
        assertThat(terminal.readResponse().result()).isZero();
      }
    }
  }

  @Test
  void aSilentConnectionIsClosed() throws IOException {
    start(Jt808ServerSettings.defaults().withReadIdleTimeout(Duration.ofMillis(300)));
    try (TestTerminal terminal = terminal2013()) {
      terminal.send(new Jt808Message.Heartbeat());
      terminal.readResponse();
      assertThat(terminal.closedByServer()).isTrue();
    }
  }

  @Test
  void theListenerHearsRegistrationAuthenticationAndDisconnection() throws Exception {
    start();
    try (TestTerminal terminal = terminal2013()) {
      terminal.logIn(Fixtures.truckRegistration2013());
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (events.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(events).containsExactly("registered " + Fixtures.TERMINAL_2013 + " 苏E12345",
        "authenticated " + Fixtures.TERMINAL_2013, "disconnected " + Fixtures.TERMINAL_2013);
  }
}
