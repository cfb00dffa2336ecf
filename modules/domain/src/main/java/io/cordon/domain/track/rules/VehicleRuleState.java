package io.cordon.domain.track.rules;

import io.cordon.domain.park.Road;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One vehicle's rule state: a few timers and flags per rule plus scratch space, so evaluating a fix
 * allocates nothing unless a violation starts or ends. Mutable and not thread-safe: keep it with the
 * vehicle's ordered pipeline (one terminal, one queue) and feed it through {@link TrackRuleEngine}.
 */
public final class VehicleRuleState {
  private final VehicleKey vehicle;

  // the last fix seen and the last valid position
  long lastFixMillis = Latch.NONE;
  long lastValidMillis = Latch.NONE;
  double lastLon = Double.NaN;
  double lastLat = Double.NaN;

  // the observation being evaluated: a valid fix, or the last valid position for ticks
  long t;
  double lon;
  double lat;
  double x;
  double y;
  double speedKmh;
  Road road;

  final Latch presence = new Latch();
  final Latch deviation = new Latch();
  final Latch overspeed = new Latch();
  final Latch forbiddenZone = new Latch();
  final Latch lingering = new Latch();
  final Latch early = new Latch();
  final Latch overstay = new Latch();
  final Latch signalLost = new Latch();
  final Latch[] terminal = new Latch[TerminalAlarm.values().length];

  int zoneIndex = -1;
  double stopSumX;
  double stopSumY;
  int stopCount;

  final NearestSegment probe = new NearestSegment();
  private final ArrayList<RuleEvent> out = new ArrayList<>(4);

  VehicleRuleState(VehicleKey vehicle) {
    this.vehicle = Objects.requireNonNull(vehicle, "vehicle");
    for (int i = 0; i < terminal.length; i++) {
      terminal[i] = new Latch();
    }
  }

  public VehicleKey vehicle() {
    return vehicle;
  }

  /** Whether the vehicle counts as inside the park (after the presence hysteresis). */
  public boolean inPark() {
    return presence.active();
  }

  /** When the last valid fix was taken, if any. */
  public Optional<Instant> lastValidFix() {
    return lastValidMillis == Latch.NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastValidMillis));
  }

  /** The violations going on now, for the vehicle panel. */
  public List<Violation> openViolations() {
    List<Violation> open = new ArrayList<>();
    for (Latch l : new Latch[] {deviation, overspeed, forbiddenZone, lingering, early, overstay, signalLost}) {
      if (l.open != null) {
        open.add(l.open);
      }
    }
    for (Latch l : terminal) {
      if (l.open != null) {
        open.add(l.open);
      }
    }
    return open;
  }

  // ---- for the policies ----

  void begin(long at) {
    t = at;
    out.clear();
  }

  /** Puts the last valid position in the observation (ticks and invalid fixes). */
  void observeLastPosition(ParkGeometry geometry) {
    lon = lastLon;
    lat = lastLat;
    x = Double.isNaN(lon) ? Double.NaN : geometry.projection().x(lon);
    y = Double.isNaN(lat) ? Double.NaN : geometry.projection().y(lat);
    road = null;
  }

  void observe(Fix fix, ParkGeometry geometry) {
    lon = fix.lon();
    lat = fix.lat();
    x = geometry.projection().x(lon);
    y = geometry.projection().y(lat);
    speedKmh = fix.speedKmh();
    road = null;
  }

  void remember(Fix fix) {
    lastValidMillis = fix.epochMillis();
    lastLon = fix.lon();
    lastLat = fix.lat();
  }

  void started(Latch latch, RuleKind rule, Optional<TerminalAlarm> alarm, Place place, Reading reading,
      String detail) {
    Violation v = new Violation(vehicle, rule, alarm, place, reading, Instant.ofEpochMilli(latch.startedAt()),
        Instant.ofEpochMilli(t), detail);
    latch.open = v;
    out.add(new ViolationStarted(v));
  }

  void ended(Latch latch, Place place) {
    out.add(new ViolationEnded(latch.open, Instant.ofEpochMilli(latch.endedAt()), Instant.ofEpochMilli(t), place));
    latch.open = null;
  }

  List<RuleEvent> events() {
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }
}
