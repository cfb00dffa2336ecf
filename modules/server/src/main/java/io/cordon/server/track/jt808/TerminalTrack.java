package io.cordon.server.track.jt808;

import io.cordon.domain.track.rules.VehicleRuleState;
import io.cordon.server.track.LiveTags;
import io.cordon.server.track.trip.OpenTrip;
import java.util.ArrayList;
import java.util.List;

/** One terminal's state in its lane: the filter, whose it is now, the rules' state. Lane thread only. */
final class TerminalTrack {

  final String number;
  final TerminalStatus status;
  final TerminalFilter filter = new TerminalFilter();
  /** The trip last matched (null: none), compared by reference first: trips change rarely. */
  OpenTrip trip;
  VehicleBinding binding;
  VehicleRuleState rules;
  /** Keys of the violations going on now, and their rule names for the live view. */
  final List<String> violationKeys = new ArrayList<>(2);
  final List<String> violationRules = new ArrayList<>(2);
  LiveTags tags;
  long lastHeardMillis;
  /**
   * How far the terminal's clock lags the server's (receipt − fix time of its last live report): clock ticks
   * judge silence on the terminal's clock, so a terminal set to the wrong time zone, still reporting every few
   * seconds, is not "signal lost" at every tick.
   */
  long clockLagMillis;
  long unboundAlarmMillis = Long.MIN_VALUE;

  TerminalTrack(String number, TerminalStatus status) {
    this.number = number;
    this.status = status;
  }

  void retag() {
    tags = new LiveTags(number, binding.tripId(), binding.permitId(), binding.unbound(), violationRules);
  }
}
