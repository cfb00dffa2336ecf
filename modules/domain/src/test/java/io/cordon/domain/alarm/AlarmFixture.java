package io.cordon.domain.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.alarm.Sop.SopOption;
import io.cordon.domain.alarm.Sop.SopStep;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * Alarms, procedures and reports built in code, placed on {@link ParkFixture}'s 1 km square
 * (core area x/y 100..300, key area 600..800; SEG-1 south side, SEG-2 east, SEG-3 north, SEG-4 west).
 */
public final class AlarmFixture {

  public static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
  public static final Actor LI = Actor.operator("li");
  public static final Actor WANG = Actor.operator("wang");
  public static final Actor CHIEF_ZHAO = Actor.supervisor("zhao");
  public static final DispatchTask PATROL_TO_SOUTH_FENCE =
      new DispatchTask("patrol-2", "核查南侧围栏入侵", "巡逻二组请立即前往南侧围栏");

  private static final ParkFixture PLAN = ParkFixture.metres();

  private AlarmFixture() {
  }

  // ---- procedures -------------------------------------------------------------------------------

  /**
   * verify (mandatory) → confirmed? (mandatory question) — yes → dispatch (mandatory) → report (optional);
   * no → record_cause (optional). Skipping the question goes on to record_cause.
   */
  public static Sop verifyThenDecideProcedure() {
    return new Sop("intrusion-test", List.of(
        plain("verify", true, "confirmed"),
        question("confirmed", true, Optional.of("record_cause"),
            new SopOption("yes", "是", "Yes", Optional.of("dispatch")),
            new SopOption("no", "否", "No", Optional.of("record_cause"))),
        plain("dispatch", true, "report"),
        plain("report", false, null),
        plain("record_cause", false, null)));
  }

  /** One optional step: nothing stands between an acknowledged alarm and its resolution. */
  public static Sop noMandatoryStepsProcedure() {
    return new Sop("look-only", List.of(plain("look", false, null)));
  }

  static SopStep plain(String id, boolean mandatory, String next) {
    return new SopStep(id, id + "（中文）", id, mandatory, List.of(), Optional.ofNullable(next));
  }

  static SopStep question(String id, boolean mandatory, Optional<String> whenSkipped, SopOption... options) {
    return new SopStep(id, id + "？", id + "?", mandatory, List.of(options), whenSkipped);
  }

  // ---- places -----------------------------------------------------------------------------------

  /** The WGS84 position of a point drawn x metres east and y metres north of the park's south-west corner. */
  public static Coordinate lonLat(double x, double y) {
    return PLAN.lonLat(x, y);
  }

  public static AlarmLocation generalAreaAt(double x, double y) {
    Coordinate c = lonLat(x, y);
    return AlarmLocation.point(c.x, c.y);
  }

  public static AlarmLocation coreAreaAt(double x, double y) {
    Coordinate c = lonLat(x, y);
    return new AlarmLocation(c.x, c.y, Optional.empty(), Optional.of(new ZoneId("Z-CORE")), ZoneClass.CORE,
        Optional.empty(), Optional.empty());
  }

  public static AlarmLocation onSegment(String segment, double x, double y) {
    Coordinate c = lonLat(x, y);
    return new AlarmLocation(c.x, c.y, Optional.of(new SegmentId(segment)), Optional.empty(), ZoneClass.GENERAL,
        Optional.empty(), Optional.empty());
  }

  // ---- alarms -----------------------------------------------------------------------------------

  /** A new critical intrusion in the core area, raised at {@link #T0}, with {@link #verifyThenDecideProcedure()}. */
  public static Alarm criticalIntrusionAtCoreArea() {
    return raise(AlarmType.VIDEO_INTRUSION, Severity.CRITICAL, new SourceRef("camera", "CAM-7"),
        coreAreaAt(200, 200), verifyThenDecideProcedure(), Optional.of(Duration.ofSeconds(60)));
  }

  /** A new major fence intrusion whose procedure has no mandatory step, so any state is reachable quickly. */
  public static Alarm fenceIntrusionWithoutMandatorySteps() {
    return raise(AlarmType.PERIMETER_INTRUSION, Severity.MAJOR, new SourceRef("sensor", "S-1"),
        onSegment("SEG-1", 250, 0), noMandatoryStepsProcedure(), Optional.empty());
  }

  /** A new info alarm: a sensor stopped sending heartbeats. */
  public static Alarm infoHeartbeatMissing() {
    return raise(AlarmType.HEARTBEAT_MISSING, Severity.INFO, new SourceRef("sensor", "S-9"),
        generalAreaAt(500, 500), noMandatoryStepsProcedure(), Optional.empty());
  }

  static Alarm raise(AlarmType type, Severity severity, SourceRef source, AlarmLocation location, Sop sop,
      Optional<Duration> escalateAfter) {
    AlarmId id = AlarmId.number(1);
    return Alarm.raise(id, type, severity, source, location, List.of(new CameraId("CAM-7")),
        List.of(new Evidence("snapshot", "snap/1.jpg", Optional.of(T0))), "first report", T0, T0, id,
        escalateAfter, sop);
  }

  /** The alarm fenceIntrusionWithoutMandatorySteps() brought into {@code state} by {@link #LI} along legal steps. */
  public static Alarm fenceIntrusionIn(AlarmState state) {
    Alarm alarm = fenceIntrusionWithoutMandatorySteps();
    if (state == AlarmState.NEW) {
      return alarm;
    }
    alarm = changed(alarm.acknowledge(LI, alarm.version(), T0.plusSeconds(10), "")).after();
    if (state == AlarmState.ACKNOWLEDGED) {
      return alarm;
    }
    if (state == AlarmState.RESOLVED || state == AlarmState.CLOSED) {
      alarm = changed(alarm.resolve(LI, alarm.version(), Verdict.FALSE_ALARM, "风吹动围栏", T0.plusSeconds(20), ""))
          .after();
      return state == AlarmState.RESOLVED ? alarm : changed(alarm.close(LI, alarm.version(), T0.plusSeconds(30), ""))
          .after();
    }
    alarm = changed(alarm.dispatch(LI, alarm.version(), PATROL_TO_SOUTH_FENCE, T0.plusSeconds(20), "")).after();
    if (state == AlarmState.DISPATCHED) {
      return alarm;
    }
    return changed(alarm.onSite(LI, alarm.version(), T0.plusSeconds(30), "")).after();
  }

  /** The accepted outcome; fails the test when it was refused. */
  public static Outcome.Changed changed(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Changed.class);
    return (Outcome.Changed) outcome;
  }

  /** The refusal; fails the test when the command was accepted. */
  public static Refusal refusal(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    return ((Outcome.Refused) outcome).refusal();
  }

  // ---- reports ----------------------------------------------------------------------------------

  public static SourceReport report(AlarmType type, SourceRef source, AlarmLocation location, Instant observedAt) {
    return new SourceReport(type, Optional.empty(), source, location, List.of(), List.of(), "", observedAt);
  }

  /** A fence sensor on SEG-1 (south side) detecting an intrusion. */
  public static SourceReport fenceIntrusionBySensorS1(Instant observedAt) {
    return report(AlarmType.PERIMETER_INTRUSION, new SourceRef("sensor", "S-1"), onSegment("SEG-1", 250, 0),
        observedAt);
  }

  public static SourceReport smokeSeenByCamera(String camera, double x, double y, Instant observedAt) {
    return report(AlarmType.SMOKE_FIRE, new SourceRef("camera", camera), generalAreaAt(x, y), observedAt);
  }
}
