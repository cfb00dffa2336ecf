package io.cordon.simulator.alarm;

import java.time.Instant;
import java.util.List;

/** One family of devices: what they report for one alarm episode beginning at {@code now}. */
interface AlarmSource {

  /** The episode's reports (empty when the park has no such devices), each with its delay from now. */
  List<PlannedReport> next(Instant now);
}
