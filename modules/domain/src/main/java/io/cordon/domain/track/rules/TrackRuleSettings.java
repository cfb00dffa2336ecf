package io.cordon.domain.track.rules;

import java.util.Objects;

/** Every track rule's settings; {@link #defaults()} are the values each policy documents. */
public record TrackRuleSettings(PresencePolicy.Settings presence, RouteDeviationPolicy.Settings routeDeviation,
    OverspeedPolicy.Settings overspeed, ForbiddenZonePolicy.Settings forbiddenZone,
    LingeringPolicy.Settings lingering, TimeWindowPolicy.Settings timeWindow, OverstayPolicy.Settings overstay,
    SignalLostPolicy.Settings signalLost, TerminalAlarmPolicy.Settings terminalAlarms) {

  public TrackRuleSettings {
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(routeDeviation, "routeDeviation");
    Objects.requireNonNull(overspeed, "overspeed");
    Objects.requireNonNull(forbiddenZone, "forbiddenZone");
    Objects.requireNonNull(lingering, "lingering");
    Objects.requireNonNull(timeWindow, "timeWindow");
    Objects.requireNonNull(overstay, "overstay");
    Objects.requireNonNull(signalLost, "signalLost");
    Objects.requireNonNull(terminalAlarms, "terminalAlarms");
  }

  public static TrackRuleSettings defaults() {
    return new TrackRuleSettings(PresencePolicy.Settings.DEFAULTS, RouteDeviationPolicy.Settings.DEFAULTS,
        OverspeedPolicy.Settings.DEFAULTS, ForbiddenZonePolicy.Settings.DEFAULTS, LingeringPolicy.Settings.DEFAULTS,
        TimeWindowPolicy.Settings.DEFAULTS, OverstayPolicy.Settings.DEFAULTS, SignalLostPolicy.Settings.DEFAULTS,
        TerminalAlarmPolicy.Settings.DEFAULTS);
  }

  public TrackRuleSettings with(PresencePolicy.Settings s) {
    return new TrackRuleSettings(s, routeDeviation, overspeed, forbiddenZone, lingering, timeWindow, overstay,
        signalLost, terminalAlarms);
  }

  public TrackRuleSettings with(RouteDeviationPolicy.Settings s) {
    return new TrackRuleSettings(presence, s, overspeed, forbiddenZone, lingering, timeWindow, overstay, signalLost,
        terminalAlarms);
  }

  public TrackRuleSettings with(OverspeedPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, s, forbiddenZone, lingering, timeWindow, overstay,
        signalLost, terminalAlarms);
  }

  public TrackRuleSettings with(ForbiddenZonePolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, s, lingering, timeWindow, overstay, signalLost,
        terminalAlarms);
  }

  public TrackRuleSettings with(LingeringPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, forbiddenZone, s, timeWindow, overstay,
        signalLost, terminalAlarms);
  }

  public TrackRuleSettings with(TimeWindowPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, forbiddenZone, lingering, s, overstay,
        signalLost, terminalAlarms);
  }

  public TrackRuleSettings with(OverstayPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, forbiddenZone, lingering, timeWindow, s,
        signalLost, terminalAlarms);
  }

  public TrackRuleSettings with(SignalLostPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, forbiddenZone, lingering, timeWindow, overstay,
        s, terminalAlarms);
  }

  public TrackRuleSettings with(TerminalAlarmPolicy.Settings s) {
    return new TrackRuleSettings(presence, routeDeviation, overspeed, forbiddenZone, lingering, timeWindow, overstay,
        signalLost, s);
  }
}
