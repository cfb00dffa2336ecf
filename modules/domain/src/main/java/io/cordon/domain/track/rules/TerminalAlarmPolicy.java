package io.cordon.domain.track.rules;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The terminal's own alarm bits (JT/T 808 0x0200 alarm word): each watched bit raises its own
 * violation on the first fix that has it set and ends on the first fix that has it clear, valid fix
 * or not, inside the park or outside. No hysteresis: the terminal already debounces its inputs and
 * keeps the bit set while the condition lasts (SOS until the platform acknowledges). The reading's
 * threshold is the bit number and its measured value 1 (set).
 */
public final class TerminalAlarmPolicy {

  public record Settings(Set<TerminalAlarm> watched) {
    public static final Settings DEFAULTS = new Settings(EnumSet.allOf(TerminalAlarm.class));

    public Settings {
      watched = Set.copyOf(watched);
    }
  }

  private final ParkGeometry geometry;
  private final TerminalAlarm[] watched;
  private final long watchedMask;

  TerminalAlarmPolicy(Settings settings, ParkGeometry geometry) {
    this.geometry = geometry;
    EnumSet<TerminalAlarm> set = EnumSet.noneOf(TerminalAlarm.class);
    set.addAll(settings.watched());
    this.watched = set.toArray(TerminalAlarm[]::new);
    long mask = 0;
    for (TerminalAlarm a : watched) {
      mask |= a.mask();
    }
    this.watchedMask = mask;
  }

  /** The observation holds the fix's position when valid, else the last valid one. */
  void evaluate(VehicleRuleState s, long alarmBits) {
    if ((alarmBits & watchedMask) == 0 && !anyOpen(s)) {
      return;
    }
    for (TerminalAlarm alarm : watched) {
      Latch latch = s.terminal[alarm.ordinal()];
      boolean on = alarm.setIn(alarmBits);
      int r = latch.step(on, !on, s.t, 0, 0);
      if (r == Latch.STARTED) {
        s.started(latch, RuleKind.TERMINAL_ALARM, Optional.of(alarm), geometry.place(s.lon, s.lat, Optional.empty()),
            new Reading(alarm.bit(), 1, "bit", Duration.ZERO),
            "terminal alarm bit " + alarm.bit() + " " + alarm.name().toLowerCase().replace('_', ' '));
      } else if (r == Latch.ENDED) {
        s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
      }
    }
  }

  private boolean anyOpen(VehicleRuleState s) {
    for (TerminalAlarm alarm : watched) {
      if (s.terminal[alarm.ordinal()].active()) {
        return true;
      }
    }
    return false;
  }
}
