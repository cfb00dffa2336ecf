package io.cordon.domain.track.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Applies the track rules to one vehicle's fixes and to clock ticks. Built once per park plan and
 * settings (it precomputes the shrunken core zones and the dedicated-road corridor), then shared by
 * all vehicles and threads; each vehicle brings its own {@link VehicleRuleState}, fed in order.
 *
 * <p>Cost per fix: a point-in-polygon on the park's area and the core zones (envelope-first), and
 * two STRtree look-ups (the road under the vehicle, the route nearby) — O(segments nearby), no
 * geometry objects. Events are allocated only when a violation starts or ends.
 */
public final class TrackRuleEngine {
  private final ParkGeometry geometry;
  private final TrackRuleSettings settings;
  private final PresencePolicy presence;
  private final RouteDeviationPolicy routeDeviation;
  private final OverspeedPolicy overspeed;
  private final ForbiddenZonePolicy forbiddenZone;
  private final LingeringPolicy lingering;
  private final TimeWindowPolicy timeWindow;
  private final OverstayPolicy overstay;
  private final SignalLostPolicy signalLost;
  private final TerminalAlarmPolicy terminalAlarms;

  public TrackRuleEngine(ParkGeometry geometry, TrackRuleSettings settings) {
    this.geometry = Objects.requireNonNull(geometry, "geometry");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.presence = new PresencePolicy(settings.presence(), geometry);
    this.routeDeviation = new RouteDeviationPolicy(settings.routeDeviation(), geometry);
    this.overspeed = new OverspeedPolicy(settings.overspeed(), geometry);
    this.forbiddenZone = new ForbiddenZonePolicy(settings.forbiddenZone(), geometry);
    this.lingering = new LingeringPolicy(settings.lingering(), geometry);
    this.timeWindow = new TimeWindowPolicy(settings.timeWindow(), geometry);
    this.overstay = new OverstayPolicy(settings.overstay(), geometry);
    this.signalLost = new SignalLostPolicy(settings.signalLost(), geometry);
    this.terminalAlarms = new TerminalAlarmPolicy(settings.terminalAlarms(), geometry);
  }

  public ParkGeometry geometry() {
    return geometry;
  }

  public TrackRuleSettings settings() {
    return settings;
  }

  /** A fresh state for a vehicle that has not reported yet. */
  public VehicleRuleState newState(VehicleKey vehicle) {
    return new VehicleRuleState(vehicle);
  }

  /**
   * Evaluates one fix. Fixes must come in time order per vehicle; one older than the last seen
   * (a late blind-area upload) is ignored by the rules and returns nothing.
   *
   * @return the violations that started and ended at this fix, starts and ends in rule order
   */
  public List<RuleEvent> onFix(VehicleRuleState state, VehicleTrip trip, Fix fix) {
    Objects.requireNonNull(trip, "trip");
    if (fix.epochMillis() < state.lastFixMillis) {
      return List.of();
    }
    state.lastFixMillis = fix.epochMillis();
    state.begin(fix.epochMillis());
    boolean usable = fix.valid() && Double.isFinite(fix.lon()) && Double.isFinite(fix.lat())
        && Double.isFinite(fix.speedKmh());
    if (usable) {
      state.observe(fix, geometry);
      signalLost.onValidFix(state);
      state.remember(fix);
      presence.evaluate(state);
      overspeed.evaluate(state);
      routeDeviation.evaluate(state, trip);
      forbiddenZone.evaluate(state, trip);
      lingering.evaluate(state);
    } else {
      state.observeLastPosition(geometry);
      signalLost.evaluate(state);
    }
    terminalAlarms.evaluate(state, fix.alarmBits());
    timeWindow.evaluate(state, trip);
    overstay.evaluate(state, trip);
    return state.events();
  }

  /**
   * Evaluates the rules that time alone can break — signal lost, before the window, overstay — at
   * {@code now}, from the vehicle's last known position. Call it every few seconds for every vehicle
   * with a trip; a tick earlier than the vehicle's last fix does nothing.
   */
  public List<RuleEvent> tick(VehicleRuleState state, VehicleTrip trip, Instant now) {
    Objects.requireNonNull(trip, "trip");
    long t = now.toEpochMilli();
    if (t < state.lastFixMillis) {
      return List.of();
    }
    state.begin(t);
    state.observeLastPosition(geometry);
    signalLost.evaluate(state);
    timeWindow.evaluate(state, trip);
    overstay.evaluate(state, trip);
    return state.events();
  }
}
