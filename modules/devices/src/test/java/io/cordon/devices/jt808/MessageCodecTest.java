package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers in each dialect and message bodies, encoded by us and decoded back. */
class MessageCodecTest {

  private static final Instant TIME = Instant.parse("2026-05-01T08:00:00Z");

  private static Jt808Frame parse(byte[] wire) {
    Jt808FrameResult result = Jt808FrameParser.parseEscaped(wire, 1, wire.length - 2);
    assertThat(result).isInstanceOf(Jt808Frame.class);
    return (Jt808Frame) result;
  }

  private static Jt808Message roundTrip(Jt808Message message, Jt808Dialect dialect, String terminal)
      throws MalformedBodyException {
    return Jt808BodyDecoder.decode(parse(Jt808Encoder.encode(message, dialect, terminal, 42)));
  }

  @Test
  void a2013HeaderCarriesASixByteBcdNumber() {
    Jt808Header header = parse(Fixtures.heartbeat2013(513)).header();
    assertThat(header.dialect()).isEqualTo(Jt808Dialect.V2013);
    assertThat(header.terminalNumber()).isEqualTo(Fixtures.TERMINAL_2013);
    assertThat(header.serial()).isEqualTo(513);
    assertThat(header.length()).isEqualTo(12);
  }

  @Test
  void a2019HeaderCarriesTheProtocolVersionAndATenByteBcdNumber() {
    byte[] wire = Jt808Encoder.encode(new Jt808Message.Heartbeat(), Jt808Dialect.V2019, Fixtures.TERMINAL_2019, 65535);
    assertThat(HexFormat.of().formatHex(wire)).isEqualTo("7e000240000100000000017299841738ffff027e");
    Jt808Header header = parse(wire).header();
    assertThat(header.dialect()).isEqualTo(Jt808Dialect.V2019);
    assertThat(header.terminalNumber()).isEqualTo(Fixtures.TERMINAL_2019);
    assertThat(header.length()).isEqualTo(17);
  }

  @Test
  void theVersionBitWithA2013HeaderIsRecognisedByItsLength() throws MalformedBodyException {
    Jt808Message auth = new Jt808Message.Authenticate("J10030000681", "", "");
    byte[] wire = Jt808Encoder.encode(auth, Jt808Dialect.V2013_FLAGGED, "010030000681", 2306);
    Jt808Frame frame = parse(wire);
    assertThat(frame.header().dialect()).isEqualTo(Jt808Dialect.V2013_FLAGGED);
    assertThat(frame.header().terminalNumber()).isEqualTo("010030000681");
    assertThat(Jt808BodyDecoder.decode(frame)).isEqualTo(auth);
  }

  @Test
  void subpackageFieldsFollowTheSerial() throws MalformedBodyException {
    Jt808Message batch = Jt808Message.LocationBatch.of(1, List.of(Fixtures.tankerOnMainRoad(TIME),
        Fixtures.tankerOnMainRoad(TIME.plusSeconds(5)), Fixtures.tankerOnMainRoad(TIME.plusSeconds(10))));
    List<byte[]> packets = Jt808Encoder.encodeSplit(batch, Jt808Dialect.V2019, Fixtures.TERMINAL_2019, 100, 50);
    assertThat(packets).hasSizeGreaterThan(2);
    SubpackageAssembler assembler = new SubpackageAssembler(1_000_000_000L, 65536, () -> 0L);
    byte[] whole = null;
    for (int i = 0; i < packets.size(); i++) {
      Jt808Header header = parse(packets.get(i)).header();
      assertThat(header.subpackage()).isEqualTo(new Jt808Subpackage(packets.size(), i + 1));
      assertThat(header.serial()).isEqualTo(100 + i);
      assertThat(header.length()).isEqualTo(21);
      whole = assembler.offer(header, parse(packets.get(i)).body());
    }
    assertThat(Jt808BodyDecoder.decode(parse(packets.get(0)).header(), whole)).isEqualTo(batch);
  }

  @Test
  void locationsRoundTripInEveryDialect() throws MalformedBodyException {
    Jt808Message report = new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME));
    assertThat(roundTrip(report, Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).isEqualTo(report);
    assertThat(roundTrip(report, Jt808Dialect.V2019, Fixtures.TERMINAL_2019)).isEqualTo(report);
    assertThat(roundTrip(report, Jt808Dialect.V2013_FLAGGED, Fixtures.TERMINAL_2013)).isEqualTo(report);
  }

  @Test
  void southAndWestComeFromTheStatusBits() {
    Location location = Location.of(TIME, -27.455656, -43.758643, 0, 0, 0, 0, 0, List.of());
    assertThat(location.statusFlags() & (Location.STATUS_SOUTH | Location.STATUS_WEST))
        .isEqualTo(Location.STATUS_SOUTH | Location.STATUS_WEST);
    assertThat(location.latitudeMicroDegrees()).isEqualTo(27_455_656L);
    assertThat(location.latitude()).isEqualTo(-27.455656);
    assertThat(location.longitude()).isEqualTo(-43.758643);
  }

  @Test
  void theStandardAdditionalItemsDecodeInTheirUnits() {
    Location location = Fixtures.tankerOnMainRoad(TIME);
    assertThat(location.mileageKm()).hasValue(1234.5);
    assertThat(location.signalStrength()).hasValue(25);
    assertThat(location.satellites()).hasValue(11);
    assertThat(location.fuelLitres()).isEmpty();
    assertThat(location.speedKmh()).isEqualTo(35.5);
  }

  @Test
  void vendorItemsAreSkippedByTheirLengthAndKept() throws MalformedBodyException {
    Location location = Location.of(TIME, 31.3, 120.6, 10, 0, 0, 0, 0, List.of(
        new AdditionalItem(0xe1, new byte[] {1, 2, 3, 4, 5, 6, 7}), new AdditionalItem(0xeb, new byte[0]),
        AdditionalItem.satellites(9)));
    Location decoded = ((Jt808Message.LocationReport) roundTrip(new Jt808Message.LocationReport(location),
        Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).location();
    assertThat(decoded.items()).extracting(AdditionalItem::id).containsExactly(0xe1, 0xeb, 0x31);
    assertThat(decoded.satellites()).hasValue(9);
    assertThat(decoded.itemsMalformed()).isFalse();
  }

  @Test
  void anItemRunningPastTheBodyStopsItemsButKeepsThePosition() throws MalformedBodyException {
    byte[] body = Jt808Encoder.body(new Jt808Message.LocationReport(Location.of(TIME, 31.3, 120.6, 10, 0, 0, 0, 0,
        List.of(AdditionalItem.satellites(9)))), Jt808Dialect.V2013);
    byte[] bad = Arrays.copyOf(body, body.length + 3);
    bad[body.length] = 0x30;
    bad[body.length + 1] = 0x40; // claims 64 bytes, 1 follows
    Location decoded = ((Jt808Message.LocationReport) Jt808BodyDecoder.decode(header(Jt808Message.LOCATION), bad))
        .location();
    assertThat(decoded.itemsMalformed()).isTrue();
    assertThat(decoded.satellites()).hasValue(9);
    assertThat(decoded.latitude()).isEqualTo(31.3);
  }

  @Test
  void aLocationShorterThanItsFixedPartIsMalformed() {
    assertThatThrownBy(() -> Jt808BodyDecoder.decode(header(Jt808Message.LOCATION), new byte[27]))
        .isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void aTimeThatIsNotBcdIsMalformed() {
    byte[] body = Jt808Encoder.body(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)), Jt808Dialect.V2013);
    body[22] = 0x1a;
    assertThatThrownBy(() -> Jt808BodyDecoder.decode(header(Jt808Message.LOCATION), body))
        .isInstanceOf(MalformedBodyException.class).hasMessageContaining("BCD");
  }

  @Test
  void beijingMidnightIsFourPmTheDayBeforeInUtc() throws MalformedBodyException {
    assertThat(timeOf("240301000000")).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
    assertThat(timeOf("240101075959")).isEqualTo(Instant.parse("2023-12-31T23:59:59Z"));
    assertThat(timeOf("240101080000")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(timeOf("241231235959")).isEqualTo(Instant.parse("2024-12-31T15:59:59Z"));
  }

  @Test
  void timesAreWrittenBackInBeijingTime() {
    assertThat(HexFormat.of().formatHex(Texts.bcdTimeGmt8(Fixtures.JUST_AFTER_MIDNIGHT_BEIJING)))
        .isEqualTo("240301003015");
    assertThat(HexFormat.of().formatHex(Texts.bcdTimeGmt8(Instant.parse("2025-12-31T16:00:00Z"))))
        .isEqualTo("260101000000");
  }

  @Test
  void aDateThatDoesNotExistIsMalformed() {
    assertThatThrownBy(() -> timeOf("230229120000")).isInstanceOf(MalformedBodyException.class);
  }

  private static Instant timeOf(String bcd) throws MalformedBodyException {
    byte[] body = Jt808Encoder.body(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)), Jt808Dialect.V2013);
    System.arraycopy(HexFormat.of().parseHex(bcd), 0, body, 22, 6);
    return ((Jt808Message.LocationReport) Jt808BodyDecoder.decode(header(Jt808Message.LOCATION), body)).location()
        .fixTime();
  }

  private static Jt808Header header(int messageId) {
    return new Jt808Header(messageId, Jt808Dialect.V2013, Fixtures.TERMINAL_2013, 1, 0, null, 0);
  }

  @Test
  void registrationsRoundTripInEachEditionsLayout() throws MalformedBodyException {
    Jt808Message.Register r2013 = Fixtures.truckRegistration2013();
    assertThat(roundTrip(r2013, Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).isEqualTo(r2013);
    Jt808Message.Register r2019 = Fixtures.truckRegistration2019();
    assertThat(roundTrip(r2019, Jt808Dialect.V2019, Fixtures.TERMINAL_2019)).isEqualTo(r2019);
    Jt808Message.Register r2011 = new Jt808Message.Register(44, 303, "70111", "BSJ-M7B", "0000000", 1, "粤B88888",
        Jt808RegisterLayout.V2011);
    assertThat(roundTrip(r2011, Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).isEqualTo(r2011);
  }

  @Test
  void platesAreGbk() {
    byte[] body = Jt808Encoder.body(Fixtures.truckRegistration2013(), Jt808Dialect.V2013);
    assertThat(HexFormat.of().formatHex(body)).endsWith("01" + "cbd5" + "453132333435");
  }

  @Test
  void authenticationIn2019CarriesImeiAndSoftwareVersion() throws MalformedBodyException {
    Jt808Message auth = new Jt808Message.Authenticate("17299841738", "123456789012345", "3.7.15");
    byte[] wire = Jt808Encoder.encode(auth, Jt808Dialect.V2019, Fixtures.TERMINAL_2019, 0);
    assertThat(parse(wire).header().bodyLength()).isEqualTo(47);
    assertThat(Jt808BodyDecoder.decode(parse(wire))).isEqualTo(auth);
  }

  @Test
  void authenticationIn2013IsTheCodeAlone() throws MalformedBodyException {
    Jt808Message auth = new Jt808Message.Authenticate("authentication", "", "");
    assertThat(roundTrip(auth, Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).isEqualTo(auth);
  }

  @Test
  void platformRepliesRoundTrip() throws MalformedBodyException {
    Jt808Message general = Jt808Message.PlatformResponse.of(7, Jt808Message.LOCATION, Jt808Result.NOT_SUPPORTED);
    assertThat(roundTrip(general, Jt808Dialect.V2019, Fixtures.TERMINAL_2019)).isEqualTo(general);
    Jt808Message register = new Jt808Message.RegisterResponse(8, 0, "ABCD2345EFGH6789");
    assertThat(roundTrip(register, Jt808Dialect.V2013, Fixtures.TERMINAL_2013)).isEqualTo(register);
  }

  @Test
  void aBatchWithABadItemKeepsTheGoodOnes() throws MalformedBodyException {
    byte[] good = Jt808Encoder.body(new Jt808Message.LocationReport(Fixtures.tankerOnMainRoad(TIME)), Jt808Dialect.V2013);
    byte[] body = Fixtures.concat(new byte[] {0, 3, 1}, lengthPrefixed(good), lengthPrefixed(new byte[10]),
        lengthPrefixed(good));
    Jt808Message.LocationBatch batch = (Jt808Message.LocationBatch) Jt808BodyDecoder.decode(
        header(Jt808Message.LOCATION_BATCH), body);
    assertThat(batch.locations()).hasSize(2);
    assertThat(batch.declaredCount()).isEqualTo(3);
    assertThat(batch.droppedItems()).isEqualTo(1);
  }

  @Test
  void encryptedBodiesAreNotSupported() throws MalformedBodyException {
    Jt808Header encrypted = new Jt808Header(Jt808Message.LOCATION, Jt808Dialect.V2013, Fixtures.TERMINAL_2013, 1, 1,
        null, 3);
    assertThat(Jt808BodyDecoder.decode(encrypted, new byte[3])).isInstanceOf(Jt808Message.Unsupported.class);
  }

  private static byte[] lengthPrefixed(byte[] item) {
    return Fixtures.concat(new byte[] {(byte) (item.length >> 8), (byte) item.length}, item);
  }
}
