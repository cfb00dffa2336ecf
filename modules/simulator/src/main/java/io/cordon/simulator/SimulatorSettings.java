package io.cordon.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the virtual park behaves.
 *
 * @param heartbeatPeriod every sensor sends one heartbeat per period; the sensors are spread
 *     evenly over it, so the server sees sensors/period heartbeats per second
 * @param intrusionsPerMinute mean number of fence intrusions across the whole park per minute
 * @param seed drives which sensor raises an intrusion and when; the same seed, the same pattern
 * @param callTimeout deadline of each RPC
 * @param maxBackoff longest wait between retries while the server is unreachable
 */
public record SimulatorSettings(
    Duration heartbeatPeriod,
    double intrusionsPerMinute,
    long seed,
    Duration callTimeout,
    Duration maxBackoff) {

  public SimulatorSettings {
    Objects.requireNonNull(heartbeatPeriod, "heartbeatPeriod");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (heartbeatPeriod.isNegative() || heartbeatPeriod.isZero()) {
      throw new IllegalArgumentException("heartbeatPeriod must be positive");
    }
    if (intrusionsPerMinute < 0 || Double.isNaN(intrusionsPerMinute)) {
      throw new IllegalArgumentException("intrusionsPerMinute must not be negative");
    }
  }

  /**
   * For embedded/demo mode: with the sample park's ~150 sensors, one heartbeat per sensor per
   * minute gives a few events per second, and about two fence alarms a minute.
   */
  public static SimulatorSettings embeddedDefaults() {
    return new SimulatorSettings(Duration.ofSeconds(60), 2.0, System.nanoTime(), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  public SimulatorSettings withHeartbeatPeriod(Duration period) {
    return new SimulatorSettings(period, intrusionsPerMinute, seed, callTimeout, maxBackoff);
  }

  public SimulatorSettings withIntrusionsPerMinute(double rate) {
    return new SimulatorSettings(heartbeatPeriod, rate, seed, callTimeout, maxBackoff);
  }

  public SimulatorSettings withSeed(long newSeed) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, newSeed, callTimeout, maxBackoff);
  }
}
