package io.cordon.simulator;

import io.cordon.simulator.alarm.AlarmFamily;
import io.cordon.simulator.alarm.AlarmRates;
import io.cordon.simulator.gate.GateAgentSettings;
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
 * @param gateFaultsPerHour mean number of gate faults across the whole park per hour; each virtual
 *     gate recovers by itself after a while (io.cordon.simulator.gate)
 * @param vehicles how many vehicles drive the park's roads, each reporting its position once a
 *     second (io.cordon.simulator.traffic); 0 for none
 * @param alarms how often each family of alarm sources fires, alarms per hour (perimeter
 *     intrusion bursts, video analytics, gate events, vehicle rules, device health;
 *     io.cordon.simulator.alarm)
 * @param gateAgents the gate agents and their traffic (io.cordon.simulator.gate); when enabled they
 *     replace the interim virtual gates
 */
public record SimulatorSettings(
    Duration heartbeatPeriod,
    double intrusionsPerMinute,
    long seed,
    Duration callTimeout,
    Duration maxBackoff,
    double gateFaultsPerHour,
    int vehicles,
    AlarmRates alarms,
    GateAgentSettings gateAgents) {

  /** Rare gate faults: about one an hour across the park. */
  public static final double DEFAULT_GATE_FAULTS_PER_HOUR = 1.0;

  /** Vehicles of the demo (embedded mode); the map benchmark drives 2,000. */
  public static final int DEMO_VEHICLES = 60;

  /** Settings without gate agents (the interim virtual gates run instead). */
  public SimulatorSettings(Duration heartbeatPeriod, double intrusionsPerMinute, long seed, Duration callTimeout,
      Duration maxBackoff, double gateFaultsPerHour, int vehicles, AlarmRates alarms) {
    this(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff, gateFaultsPerHour, vehicles, alarms,
        GateAgentSettings.OFF);
  }

  /** Settings without vehicles. */
  public SimulatorSettings(Duration heartbeatPeriod, double intrusionsPerMinute, long seed, Duration callTimeout,
      Duration maxBackoff, double gateFaultsPerHour) {
    this(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff, gateFaultsPerHour, 0);
  }

  /** Settings without simulated alarm sources. */
  public SimulatorSettings(Duration heartbeatPeriod, double intrusionsPerMinute, long seed, Duration callTimeout,
      Duration maxBackoff, double gateFaultsPerHour, int vehicles) {
    this(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff, gateFaultsPerHour, vehicles,
        AlarmRates.NONE);
  }

  /** Settings with the default (rare) gate fault rate. */
  public SimulatorSettings(Duration heartbeatPeriod, double intrusionsPerMinute, long seed, Duration callTimeout,
      Duration maxBackoff) {
    this(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff, DEFAULT_GATE_FAULTS_PER_HOUR);
  }

  public SimulatorSettings {
    Objects.requireNonNull(heartbeatPeriod, "heartbeatPeriod");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(alarms, "alarms");
    Objects.requireNonNull(gateAgents, "gateAgents");
    if (heartbeatPeriod.isNegative() || heartbeatPeriod.isZero()) {
      throw new IllegalArgumentException("heartbeatPeriod must be positive");
    }
    if (intrusionsPerMinute < 0 || Double.isNaN(intrusionsPerMinute)) {
      throw new IllegalArgumentException("intrusionsPerMinute must not be negative");
    }
    if (gateFaultsPerHour < 0 || Double.isNaN(gateFaultsPerHour)) {
      throw new IllegalArgumentException("gateFaultsPerHour must not be negative");
    }
    if (vehicles < 0) {
      throw new IllegalArgumentException("vehicles must not be negative");
    }
  }

  /**
   * For embedded/demo mode: with the sample park's ~150 sensors, one heartbeat per sensor per
   * minute gives a few events per second; the alarm sources' demo rates ({@link AlarmRates#DEMO})
   * give a few alarms a minute, their intrusion bursts replacing the heartbeat loop's single ones.
   */
  public static SimulatorSettings embeddedDefaults() {
    return new SimulatorSettings(Duration.ofSeconds(60), 0, System.nanoTime(), Duration.ofSeconds(5),
        Duration.ofSeconds(5)).withVehicles(DEMO_VEHICLES).withAlarmRates(AlarmRates.DEMO)
        .withGateAgents(GateAgentSettings.DEMO);
  }

  public SimulatorSettings withHeartbeatPeriod(Duration period) {
    return new SimulatorSettings(period, intrusionsPerMinute, seed, callTimeout, maxBackoff, gateFaultsPerHour,
        vehicles, alarms, gateAgents);
  }

  public SimulatorSettings withIntrusionsPerMinute(double rate) {
    return new SimulatorSettings(heartbeatPeriod, rate, seed, callTimeout, maxBackoff, gateFaultsPerHour,
        vehicles, alarms, gateAgents);
  }

  public SimulatorSettings withSeed(long newSeed) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, newSeed, callTimeout, maxBackoff,
        gateFaultsPerHour, vehicles, alarms, gateAgents);
  }

  public SimulatorSettings withGateFaultsPerHour(double rate) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff, rate,
        vehicles, alarms, gateAgents);
  }

  public SimulatorSettings withVehicles(int count) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff,
        gateFaultsPerHour, count, alarms, gateAgents);
  }

  public SimulatorSettings withAlarmRates(AlarmRates rates) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff,
        gateFaultsPerHour, vehicles, rates, gateAgents);
  }

  public SimulatorSettings withGateAgents(GateAgentSettings agents) {
    return new SimulatorSettings(heartbeatPeriod, intrusionsPerMinute, seed, callTimeout, maxBackoff,
        gateFaultsPerHour, vehicles, alarms, agents);
  }

  /** One family's rate in alarms per hour (0 disables it), the others unchanged. */
  public SimulatorSettings withAlarmRate(AlarmFamily family, double perHour) {
    return withAlarmRates(alarms.with(family, perHour));
  }
}
