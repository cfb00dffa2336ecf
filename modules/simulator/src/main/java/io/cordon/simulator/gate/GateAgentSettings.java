package io.cordon.simulator.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated gate agents and their traffic (issue 7).
 *
 * @param identificationsPerMinute mean identifications per minute at each gate (before the
 *     morning/evening peak factor); 0: no gate agents, the interim virtual gates run instead
 * @param unknownShare share of identifications by plates the registry does not know
 * @param blacklistedShare share by blacklisted holders (when the gate's cache has any)
 * @param forcedShare share of vehicles forcing the barrier (a loop passage with no pass)
 * @param tailgateShare share of passes a second vehicle follows through
 * @param dataDir where the agents keep their caches and record queues; empty: a temporary directory
 * @param barrierMoveTime how long a simulated barrier takes to move
 */
public record GateAgentSettings(double identificationsPerMinute, double unknownShare, double blacklistedShare,
    double forcedShare, double tailgateShare, Optional<Path> dataDir, Duration barrierMoveTime) {

  /** No gate agents. */
  public static final GateAgentSettings OFF = new GateAgentSettings(0, 0.08, 0.04, 0.02, 0.01, Optional.empty(),
      Duration.ofMillis(300));

  /** The demo: a few identifications a minute at each gate, a little misbehaviour. */
  public static final GateAgentSettings DEMO = OFF.withIdentificationsPerMinute(3);

  public GateAgentSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(barrierMoveTime, "barrierMoveTime");
    if (identificationsPerMinute < 0 || Double.isNaN(identificationsPerMinute)) {
      throw new IllegalArgumentException("identificationsPerMinute must not be negative");
    }
    for (double share : new double[] {unknownShare, blacklistedShare, forcedShare, tailgateShare}) {
      if (share < 0 || share > 1 || Double.isNaN(share)) {
        throw new IllegalArgumentException("shares must be between 0 and 1");
      }
    }
    if (unknownShare + blacklistedShare + forcedShare > 1) {
      throw new IllegalArgumentException("unknown, blacklisted and forced shares add up to more than 1");
    }
  }

  public boolean enabled() {
    return identificationsPerMinute > 0;
  }

  public GateAgentSettings withIdentificationsPerMinute(double rate) {
    return new GateAgentSettings(rate, unknownShare, blacklistedShare, forcedShare, tailgateShare, dataDir,
        barrierMoveTime);
  }

  public GateAgentSettings withShares(double unknown, double blacklisted, double forced, double tailgate) {
    return new GateAgentSettings(identificationsPerMinute, unknown, blacklisted, forced, tailgate, dataDir,
        barrierMoveTime);
  }

  public GateAgentSettings withDataDir(Path dir) {
    return new GateAgentSettings(identificationsPerMinute, unknownShare, blacklistedShare, forcedShare,
        tailgateShare, Optional.of(dir), barrierMoveTime);
  }

  public GateAgentSettings withBarrierMoveTime(Duration time) {
    return new GateAgentSettings(identificationsPerMinute, unknownShare, blacklistedShare, forcedShare,
        tailgateShare, dataDir, time);
  }
}
