package io.cordon.domain.gate.access;

import io.cordon.domain.gate.GateState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * One lane's matching of loop-detector passages to pass decisions. A pass decision arms the lane
 * ({@link #armed}); the next passage consumes the oldest live arm (MATCHED). A passage with nothing
 * armed is FORCED, unless it follows the passage that consumed an arm within the tailgate window
 * (TAILGATE: someone on the heels of an admitted holder). A passage while the barrier is reported
 * CLOSED is FORCED (the barrier was broken through) and consumes nothing. Arms not used within
 * {@code armFor} expire: the holder turned away.
 *
 * <p>Pure: every call carries its instant, there is no clock. Thread-safe (methods synchronise).
 */
public final class LanePassages {

  public static final Duration DEFAULT_ARM_FOR = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TAILGATE_WITHIN = Duration.ofSeconds(10);

  private record Arm(String decisionId, Instant at) {
  }

  private final Duration armFor;
  private final Duration tailgateWithin;
  private final Deque<Arm> arms = new ArrayDeque<>();
  private Arm lastMatched;
  private GateState barrier = GateState.UNKNOWN;

  /** Arms live 30 s; a passage within 10 s of a matched one is a tailgate. */
  public LanePassages() {
    this(DEFAULT_ARM_FOR, DEFAULT_TAILGATE_WITHIN);
  }

  public LanePassages(Duration armFor, Duration tailgateWithin) {
    this.armFor = Objects.requireNonNull(armFor, "armFor");
    this.tailgateWithin = Objects.requireNonNull(tailgateWithin, "tailgateWithin");
    if (armFor.isNegative() || armFor.isZero() || tailgateWithin.isNegative()) {
      throw new IllegalArgumentException("armFor must be positive and tailgateWithin not negative");
    }
  }

  /** A pass decision for this lane at {@code at}: the next passage is allowed. */
  public synchronized void armed(String decisionId, Instant at) {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(at, "at");
    arms.addLast(new Arm(decisionId, at));
  }

  /** Withdraws an arm that was not used (e.g. the decision was taken back); false when there was none. */
  public synchronized boolean cancel(String decisionId) {
    return arms.removeIf(a -> a.decisionId().equals(decisionId));
  }

  /** The barrier's state as the gate last reported it; {@link #passage(Instant)} uses it. */
  public synchronized void barrier(GateState state) {
    this.barrier = Objects.requireNonNull(state, "state");
  }

  public synchronized GateState barrier() {
    return barrier;
  }

  /** A loop-detector passage at {@code at}, with the barrier as last reported. */
  public synchronized PassageOutcome passage(Instant at) {
    return passage(at, barrier);
  }

  /** A loop-detector passage at {@code at} with the barrier in the given state at that moment. */
  public synchronized PassageOutcome passage(Instant at, GateState barrierAtPassage) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(barrierAtPassage, "barrierAtPassage");
    expire(at);
    if (barrierAtPassage == GateState.CLOSED) {
      return PassageOutcome.forced();
    }
    Arm arm = arms.pollFirst();
    if (arm != null) {
      lastMatched = new Arm(arm.decisionId(), at);
      return PassageOutcome.matched(arm.decisionId());
    }
    if (lastMatched != null && Duration.between(lastMatched.at(), at).compareTo(tailgateWithin) <= 0) {
      return PassageOutcome.tailgate(lastMatched.decisionId());
    }
    return PassageOutcome.forced();
  }

  /** How many pass decisions wait for their passage at {@code at}. */
  public synchronized int pending(Instant at) {
    expire(at);
    return arms.size();
  }

  /** Drops arms older than {@code armFor}; an arm lives while less than {@code armFor} has passed. */
  private void expire(Instant at) {
    for (Iterator<Arm> i = arms.iterator(); i.hasNext(); ) {
      if (Duration.between(i.next().at(), at).compareTo(armFor) >= 0) {
        i.remove();
      }
    }
  }
}
