package io.cordon.simulator.jt808;

import io.cordon.devices.jt808.Jt808Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fleet of simulated JT/T 808 terminals.
 *
 * @param host the JT/T 808 server's host
 * @param port its TCP port
 * @param terminals how many terminals (one vehicle each at a time)
 * @param reportInterval wall-clock time between two location reports of one terminal; the
 *     fleet's total rate is {@code terminals / reportInterval}
 * @param timeScale sim seconds per wall second (1 = real time); the fix times and the driving
 *     advance by {@code reportInterval × timeScale} per report
 * @param simStart the sim clock's start (fix times), null for "now"
 * @param heartbeatInterval a terminal that sent nothing for this long sends 0x0002
 * @param deviateShare share of drivers that leave the route ({@link Behaviour#DEVIATE})
 * @param speedShare share that speed ({@link Behaviour#SPEED})
 * @param lingerShare share that linger ({@link Behaviour#LINGER})
 * @param signalLossShare share that lose signal ({@link Behaviour#LOSE_SIGNAL})
 * @param bindAtGates issue each trip's terminal at the entry gate and return it at exit through
 *     TripService (needs a {@link TerminalBinding}); false: the terminals report unbound
 * @param dialect the header dialect every terminal speaks
 * @param firstTerminalNumber terminal i has number {@code firstTerminalNumber + i} (digits)
 * @param seed drives routes, stops and behaviours
 * @param ackTimeout a report not answered this long (wall) is sent again
 * @param reconnectDelay wall-clock wait before reconnecting after a lost connection
 * @param maxBufferedFixes fixes a terminal keeps while offline (the oldest go first beyond it)
 * @param ioThreads event-loop threads of the fleet (all terminals share them)
 */
public record Jt808FleetSettings(String host, int port, int terminals, Duration reportInterval, double timeScale,
    Instant simStart, Duration heartbeatInterval, double deviateShare, double speedShare, double lingerShare,
    double signalLossShare, boolean bindAtGates, Jt808Dialect dialect, long firstTerminalNumber, long seed,
    Duration ackTimeout, Duration reconnectDelay, int maxBufferedFixes, int ioThreads) {

  /** Terminal numbers of the demo fleet start here (12 digits: 0139 0000 0000 + i). */
  public static final long DEMO_FIRST_TERMINAL = 13_900_000_000L;

  public Jt808FleetSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(reportInterval, "reportInterval");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    if (port < 0 || port > 65535 || terminals < 0 || ioThreads < 1 || maxBufferedFixes < 1) {
      throw new IllegalArgumentException("port, terminals, ioThreads or maxBufferedFixes out of range");
    }
    if (reportInterval.isZero() || reportInterval.isNegative() || !(timeScale > 0)) {
      throw new IllegalArgumentException("reportInterval and timeScale must be positive");
    }
    double shares = deviateShare + speedShare + lingerShare + signalLossShare;
    if (deviateShare < 0 || speedShare < 0 || lingerShare < 0 || signalLossShare < 0 || shares > 1 + 1e-9) {
      throw new IllegalArgumentException("behaviour shares must be ≥ 0 and add up to at most 1");
    }
  }

  /**
   * The demo: a dozen hazmat vehicles reporting every 5 s in real time, bound at the gates, one
   * in ten of them deviating, speeding, lingering or losing signal.
   */
  public static Jt808FleetSettings demo(String host, int port) {
    return new Jt808FleetSettings(host, port, 12, Duration.ofSeconds(5), 1, null, Duration.ofSeconds(60), 0.1, 0.1,
        0.1, 0.1, true, Jt808Dialect.V2013, DEMO_FIRST_TERMINAL, System.nanoTime(), Duration.ofSeconds(10),
        Duration.ofSeconds(5), 10_000, 1);
  }

  /**
   * The ingestion benchmark: {@code terminals} unbound, well-behaved terminals sending
   * {@code positionsPerSecond} 0x0200 reports in total. Fix times advance one second per report
   * (so the server's duplicate filter keeps them all), starting two hours back so they stay in
   * the past for a while: at 10 reports a second per terminal, about 13 minutes.
   */
  public static Jt808FleetSettings bench(String host, int port, int terminals, double positionsPerSecond) {
    if (terminals < 1 || !(positionsPerSecond > 0)) {
      throw new IllegalArgumentException("terminals and positionsPerSecond must be positive");
    }
    long intervalNanos = Math.max(1, Math.round(terminals * 1e9 / positionsPerSecond));
    double timeScale = Math.max(1, 1e9 / intervalNanos);
    return new Jt808FleetSettings(host, port, terminals, Duration.ofNanos(intervalNanos), timeScale,
        Instant.now().minus(Duration.ofHours(2)), Duration.ofSeconds(60), 0, 0, 0, 0, false, Jt808Dialect.V2013,
        20_000_000_000L, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), 100_000, 1);
  }

  /** The number of terminal {@code index}, as it appears in the frame header. */
  public String terminalNumber(int index) {
    return String.format("%0" + dialect.terminalDigits() + "d", firstTerminalNumber + index);
  }

  /** Positions per second the whole fleet sends while everybody is connected. */
  public double totalRate() {
    return terminals * 1e9 / reportInterval.toNanos();
  }

  public Jt808FleetSettings withTerminals(int count) {
    return new Jt808FleetSettings(host, port, count, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect, firstTerminalNumber, seed,
        ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  public Jt808FleetSettings withServer(String newHost, int newPort) {
    return new Jt808FleetSettings(newHost, newPort, terminals, reportInterval, timeScale, simStart,
        heartbeatInterval, deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect,
        firstTerminalNumber, seed, ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  /** Report interval (wall) and how many sim seconds pass per wall second. */
  public Jt808FleetSettings withTiming(Duration interval, double scale) {
    return new Jt808FleetSettings(host, port, terminals, interval, scale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect, firstTerminalNumber, seed,
        ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  /** Shares of drivers that deviate, speed, linger and lose signal. */
  public Jt808FleetSettings withShares(double deviate, double speed, double linger, double signalLoss) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviate, speed, linger, signalLoss, bindAtGates, dialect, firstTerminalNumber, seed, ackTimeout,
        reconnectDelay, maxBufferedFixes, ioThreads);
  }

  public Jt808FleetSettings withBindAtGates(boolean bind) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bind, dialect, firstTerminalNumber, seed,
        ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  public Jt808FleetSettings withDialect(Jt808Dialect newDialect) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, newDialect, firstTerminalNumber, seed,
        ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  public Jt808FleetSettings withSeed(long newSeed) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect, firstTerminalNumber, newSeed,
        ackTimeout, reconnectDelay, maxBufferedFixes, ioThreads);
  }

  public Jt808FleetSettings withIoThreads(int threads) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect, firstTerminalNumber, seed,
        ackTimeout, reconnectDelay, maxBufferedFixes, threads);
  }

  public Jt808FleetSettings withReconnectDelay(Duration delay) {
    return new Jt808FleetSettings(host, port, terminals, reportInterval, timeScale, simStart, heartbeatInterval,
        deviateShare, speedShare, lingerShare, signalLossShare, bindAtGates, dialect, firstTerminalNumber, seed,
        ackTimeout, delay, maxBufferedFixes, ioThreads);
  }

  /** The behaviour of terminal {@code index}: the shares are laid out over the fleet in order. */
  Behaviour behaviourOf(int index) {
    double f = (index + 0.5) / Math.max(1, terminals);
    double[] bounds = {deviateShare, speedShare, lingerShare, signalLossShare};
    Behaviour[] kinds = {Behaviour.DEVIATE, Behaviour.SPEED, Behaviour.LINGER, Behaviour.LOSE_SIGNAL};
    double upTo = 0;
    for (int i = 0; i < bounds.length; i++) {
      upTo += bounds[i];
      if (f < upTo) {
        return kinds[i];
      }
    }
    return Behaviour.COMPLIANT;
  }
}
