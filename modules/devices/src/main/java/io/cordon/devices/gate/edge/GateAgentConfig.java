package io.cordon.devices.gate.edge;

import io.cordon.domain.gate.access.AccessSettings;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one gate agent is installed.
 *
 * @param agentId the installation's id (1..64 chars), the prefix of its record ids
 * @param gate the gate from the park model, with its lanes
 * @param guardedZone the zone an internal checkpoint guards; empty at the perimeter
 * @param dataDir where the cache, the pinned key and the record queue live
 * @param installedKey the server's cache signing key (X.509 DER) given at install; empty: pin the first one seen
 * @param decisionTimeout how long to wait for the server's decision before deciding alone
 * @param accessSettings the rules' settings for offline decisions
 * @param clock the time of decisions and records (a test clock in tests)
 * @param minBackoff first pause before reconnecting
 * @param maxBackoff longest pause between reconnects
 * @param sessionDeadline the stream's deadline; the agent reconnects when it ends
 * @param settleFor how long a passing offline record waits for its loop passage before it is uploaded without
 * @param commandTimeout how long a barrier may take to carry out a command
 */
public record GateAgentConfig(String agentId, Gate gate, Optional<ControlZone> guardedZone, Path dataDir,
    Optional<byte[]> installedKey, Duration decisionTimeout, AccessSettings accessSettings, String softwareVersion,
    Clock clock, Duration minBackoff, Duration maxBackoff, Duration sessionDeadline, Duration settleFor,
    Duration commandTimeout) {

  public static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofMillis(300);

  public GateAgentConfig {
    Objects.requireNonNull(agentId, "agentId");
    if (agentId.isEmpty() || agentId.length() > 64) {
      throw new IllegalArgumentException("agentId must be 1..64 chars");
    }
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(guardedZone, "guardedZone");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(installedKey, "installedKey");
    Objects.requireNonNull(decisionTimeout, "decisionTimeout");
    Objects.requireNonNull(accessSettings, "accessSettings");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(sessionDeadline, "sessionDeadline");
    Objects.requireNonNull(settleFor, "settleFor");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
  }

  /** Defaults: 300 ms decision timeout, default access settings, system clock, 0.2–5 s backoff, 1 h sessions. */
  public static GateAgentConfig of(String agentId, Gate gate, Path dataDir) {
    return new GateAgentConfig(agentId, gate, Optional.empty(), dataDir, Optional.empty(), DEFAULT_DECISION_TIMEOUT,
        AccessSettings.defaults(), "cordon-agent/0.1", Clock.systemUTC(), Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
  }

  public GateAgentConfig withGuardedZone(ControlZone zone) {
    return new GateAgentConfig(agentId, gate, Optional.of(zone), dataDir, installedKey, decisionTimeout,
        accessSettings, softwareVersion, clock, minBackoff, maxBackoff, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withInstalledKey(byte[] der) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, Optional.of(der.clone()), decisionTimeout,
        accessSettings, softwareVersion, clock, minBackoff, maxBackoff, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withDecisionTimeout(Duration timeout) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, installedKey, timeout, accessSettings,
        softwareVersion, clock, minBackoff, maxBackoff, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withAccessSettings(AccessSettings settings) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, installedKey, decisionTimeout, settings,
        softwareVersion, clock, minBackoff, maxBackoff, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withClock(Clock newClock) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, installedKey, decisionTimeout, accessSettings,
        softwareVersion, newClock, minBackoff, maxBackoff, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withBackoff(Duration min, Duration max) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, installedKey, decisionTimeout, accessSettings,
        softwareVersion, clock, min, max, sessionDeadline, settleFor, commandTimeout);
  }

  public GateAgentConfig withSettleFor(Duration settle) {
    return new GateAgentConfig(agentId, gate, guardedZone, dataDir, installedKey, decisionTimeout, accessSettings,
        softwareVersion, clock, minBackoff, maxBackoff, sessionDeadline, settle, commandTimeout);
  }
}
