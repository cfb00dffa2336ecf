package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.TimelineLane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which lane each kind of journal event goes to. */
class LaneOfTypeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "alarm.raised, TIMELINE_LANE_ALARM",
      "alarm.close, TIMELINE_LANE_ALARM",
      "gate.access, TIMELINE_LANE_ACCESS",
      "gate.passage, TIMELINE_LANE_ACCESS",
      "gate.forced, TIMELINE_LANE_ACCESS",
      "gate.tailgate, TIMELINE_LANE_ACCESS",
      "access.card_read, TIMELINE_LANE_ACCESS",
      "gate.command, TIMELINE_LANE_GATE",
      "gate.state, TIMELINE_LANE_GATE",
      "gate.barrier, TIMELINE_LANE_GATE",
      "track.violation_started, TIMELINE_LANE_VEHICLE",
      "trip.opened, TIMELINE_LANE_VEHICLE",
      "user.login, TIMELINE_LANE_OPERATOR",
      "sop.step, TIMELINE_LANE_OPERATOR",
      "incident.created, TIMELINE_LANE_OPERATOR",
      "report.signed, TIMELINE_LANE_OPERATOR",
      "emergency.opened, TIMELINE_LANE_EMERGENCY",
      "broadcast.played, TIMELINE_LANE_EMERGENCY",
      "sensor.fault, TIMELINE_LANE_DEVICE",
      "sensor.intrusion, TIMELINE_LANE_DEVICE",
      "camera.offline, TIMELINE_LANE_DEVICE",
      "permit.issued, TIMELINE_LANE_OTHER",
      "gateway.restart, TIMELINE_LANE_OTHER"})
  void eachTypeHasItsLane(String type, TimelineLane lane) {
    assertThat(LaneOfType.of(type)).contains(lane);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sensor.heartbeat", "alarm.heartbeat", "alarm.report"})
  void heartbeatsAndRawReportsAreLeftOut(String type) {
    assertThat(LaneOfType.of(type)).isEmpty();
  }
}
