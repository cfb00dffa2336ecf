package io.cordon.server.track.jt808;

import io.cordon.domain.track.parking.HazmatParkingLot;
import io.cordon.domain.track.rules.TrackRuleSettings;
import io.cordon.server.track.TrackSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the JT/T 808 position pipeline behaves.
 *
 * @param lanes ordered lanes (threads) positions are spread over by terminal; one terminal is always
 *     in the same lane, so its positions keep their order
 * @param maxJumpKmh a valid fix implying a faster move from the terminal's last accepted fix is a
 *     jump and dropped (three jumps in a row are believed: the anchor itself was wrong)
 * @param maxAhead a fix taken further than this after it was received (a clock running ahead) is dropped
 * @param maxAge a fix taken longer than this before it was received is dropped
 * @param serviceMarginMetres a valid fix farther than this outside the park plan's bounding box is
 *     stored flagged, but no rule, lot or live view sees it
 * @param tick how often the time rules (signal lost, time window, overstay) and the lots' overstay run
 * @param maxCommitRows positions in one group commit (one transaction, JDBC batches of 1,000)
 * @param unboundAlarmRepeat an unbound terminal that keeps reporting counts one more report on its
 *     device-fault alarm this often
 * @param forgetAfter terminals silent this long are no longer ticked (their state is dropped)
 */
public record Jt808IntakeSettings(int lanes, double maxJumpKmh, Duration maxAhead, Duration maxAge,
    double serviceMarginMetres, Duration tick, int maxCommitRows, Duration unboundAlarmRepeat, Duration forgetAfter,
    TrackRuleSettings rules, HazmatParkingLot.Settings lot, TrackSettings live) {

  public Jt808IntakeSettings {
    Objects.requireNonNull(maxAhead, "maxAhead");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(unboundAlarmRepeat, "unboundAlarmRepeat");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(lot, "lot");
    Objects.requireNonNull(live, "live");
    if (lanes < 1 || maxCommitRows < 1 || !(maxJumpKmh > 0) || tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("lanes, maxCommitRows, maxJumpKmh and tick must be positive");
    }
  }

  /**
   * Two lanes, 200 km/h jumps, 5 min ahead, 7 days old, 5 km around the park, ticks every 5 s,
   * 20,000 rows per commit, the unbound alarm counted again every 5 min, silent terminals forgotten
   * after an hour, the domain's rule and lot defaults.
   */
  public static Jt808IntakeSettings defaults() {
    return new Jt808IntakeSettings(2, 200, Duration.ofMinutes(5), Duration.ofDays(7), 5_000, Duration.ofSeconds(5),
        20_000, Duration.ofMinutes(5), Duration.ofHours(1), TrackRuleSettings.defaults(),
        HazmatParkingLot.Settings.DEFAULTS, TrackSettings.defaults());
  }

  public Jt808IntakeSettings withRules(TrackRuleSettings r) {
    return new Jt808IntakeSettings(lanes, maxJumpKmh, maxAhead, maxAge, serviceMarginMetres, tick, maxCommitRows,
        unboundAlarmRepeat, forgetAfter, r, lot, live);
  }

  public Jt808IntakeSettings withLot(HazmatParkingLot.Settings l) {
    return new Jt808IntakeSettings(lanes, maxJumpKmh, maxAhead, maxAge, serviceMarginMetres, tick, maxCommitRows,
        unboundAlarmRepeat, forgetAfter, rules, l, live);
  }

  public Jt808IntakeSettings withTick(Duration t) {
    return new Jt808IntakeSettings(lanes, maxJumpKmh, maxAhead, maxAge, serviceMarginMetres, t, maxCommitRows,
        unboundAlarmRepeat, forgetAfter, rules, lot, live);
  }

  public Jt808IntakeSettings withLanes(int n) {
    return new Jt808IntakeSettings(n, maxJumpKmh, maxAhead, maxAge, serviceMarginMetres, tick, maxCommitRows,
        unboundAlarmRepeat, forgetAfter, rules, lot, live);
  }
}
