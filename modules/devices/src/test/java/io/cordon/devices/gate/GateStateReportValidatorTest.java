package io.cordon.devices.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.GateState;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.WatchGateCommandsRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GateStateReportValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private final GateStateReportValidator validator = new GateStateReportValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @EnumSource(value = GateState.class, names = {"GATE_STATE_CLOSED", "GATE_STATE_OPEN", "GATE_STATE_FAULT",
      "GATE_STATE_OFFLINE"})
  void acceptsAReportOfEveryRealState(GateState state) {
    assertThat(validator.violations(valid().setState(state).build()).fields()).isEmpty();
  }

  @Test
  void refusesAnUnspecifiedState() {
    assertThat(validator.violations(valid().clearState().build()).fields()).containsExactly("state");
  }

  @Test
  void refusesAnUnrecognisedStateNumber() {
    assertThat(validator.violations(valid().setStateValue(42).build()).fields()).containsExactly("state");
  }

  @Test
  void namesEveryMissingFieldAtOnce() {
    assertThat(validator.violations(GateStateReport.getDefaultInstance()).fields())
        .containsExactlyInAnyOrder("request_id", "gate_id", "state", "time");
  }

  @Test
  void refusesARequestIdLongerThan64Characters() {
    assertThat(validator.violations(valid().setRequestId("r".repeat(65)).build()).fields())
        .containsExactly("request_id");
  }

  @Test
  void refusesAGateIdWithAControlCharacter() {
    assertThat(validator.violations(valid().setGateId("G\u00001").build()).fields()).containsExactly("gate_id");
  }

  @Test
  void acceptsADetailOf256Characters() {
    assertThat(validator.violations(valid().setDetail("x".repeat(256)).build()).fields()).isEmpty();
  }

  @Test
  void refusesADetailLongerThan256Characters() {
    assertThat(validator.violations(valid().setDetail("x".repeat(257)).build()).fields()).containsExactly("detail");
  }

  @Test
  void refusesATimeMoreThanFiveMinutesAhead() {
    assertThat(validator.violations(valid().setTime(at(NOW.plusSeconds(301))).build()).fields())
        .containsExactly("time");
  }

  @Test
  void refusesATimeBeforeTheYear2000() {
    assertThat(validator.violations(valid().setTime(at(Instant.parse("1999-12-31T23:59:59Z"))).build()).fields())
        .containsExactly("time");
  }

  @Test
  void refusesAWatchWithoutGates() {
    assertThat(validator.violations(WatchGateCommandsRequest.getDefaultInstance()).fields())
        .containsExactly("gate_ids");
  }

  @Test
  void refusesAWatchOfMoreThan100Gates() {
    WatchGateCommandsRequest request = WatchGateCommandsRequest.newBuilder()
        .addAllGateIds(IntStream.range(0, 101).mapToObj(i -> "G" + i).toList()).build();

    assertThat(validator.violations(request).fields()).containsExactly("gate_ids");
  }

  @Test
  void namesTheEmptyGateIdOfAWatchByIndex() {
    WatchGateCommandsRequest request = WatchGateCommandsRequest.newBuilder().addGateIds("G1").addGateIds("").build();

    assertThat(validator.violations(request).fields()).containsExactly("gate_ids[1]");
  }

  @Test
  void refusesAnAfterSeqOf2To63OrMore() {
    WatchGateCommandsRequest request = WatchGateCommandsRequest.newBuilder().addGateIds("G1")
        .setAfterSeq(Long.MIN_VALUE).build();

    assertThat(validator.violations(request).fields()).containsExactly("after_seq");
  }

  private static GateStateReport.Builder valid() {
    return GateStateReport.newBuilder()
        .setRequestId("req-1")
        .setGateId("G1")
        .setState(GateState.GATE_STATE_OPEN)
        .setTime(at(NOW.minusSeconds(1)));
  }

  private static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
