package io.cordon.server.track.jt808;

import io.cordon.devices.jt808.Jt808Position;

/**
 * The filter step for one terminal: drops what cannot be a real new position — a fix time seen
 * before (the terminal repeating a report whose answer it missed), a fix too far ahead of the
 * server's clock or too old, an impossible jump — and lets invalid fixes through (the rules want
 * them for signal lost). Lane thread only.
 */
final class TerminalFilter {

  enum Verdict { ACCEPT, DUPLICATE, JUMP, AHEAD, TOO_OLD }

  /** Fix times remembered per terminal: enough for a blind-area upload repeated after a lost answer. */
  private static final int RECENT = 64;
  private static final int BELIEVE_AFTER_JUMPS = 3;
  private static final double METRES_PER_DEGREE = 111_320;

  private final long[] recent = new long[RECENT];
  private int recentCount;
  private int recentNext;
  private long anchorMillis = Long.MIN_VALUE;
  private double anchorLon;
  private double anchorLat;
  private int jumpsInRow;

  /** Judges a position; an accepted one is remembered. */
  Verdict check(Jt808Position p, long maxAheadMillis, long maxAgeMillis, double maxJumpKmh) {
    long t = p.fixTime().toEpochMilli();
    long received = p.receivedAt().toEpochMilli();
    if (t > received + maxAheadMillis) {
      return Verdict.AHEAD;
    }
    if (t < received - maxAgeMillis) {
      return Verdict.TOO_OLD;
    }
    if (seen(t)) {
      return Verdict.DUPLICATE;
    }
    if (p.validFix() && anchorMillis != Long.MIN_VALUE && isJump(p, t, maxJumpKmh)) {
      if (++jumpsInRow < BELIEVE_AFTER_JUMPS) {
        return Verdict.JUMP;
      }
    }
    remember(t);
    if (p.validFix()) {
      jumpsInRow = 0;
      anchorMillis = t;
      anchorLon = p.longitude();
      anchorLat = p.latitude();
    }
    return Verdict.ACCEPT;
  }

  /** Takes back an accepted fix time whose commit failed, so the terminal's retry is not a duplicate. */
  void forget(long fixMillis) {
    for (int i = 0; i < recentCount; i++) {
      if (recent[i] == fixMillis) {
        recent[i] = Long.MIN_VALUE;
      }
    }
  }

  /** A fix time stored before a restart. */
  void remember(long fixMillis) {
    recent[recentNext] = fixMillis;
    recentNext = (recentNext + 1) % RECENT;
    recentCount = Math.min(RECENT, recentCount + 1);
  }

  private boolean seen(long t) {
    for (int i = 0; i < recentCount; i++) {
      if (recent[i] == t) {
        return true;
      }
    }
    return false;
  }

  private boolean isJump(Jt808Position p, long t, double maxJumpKmh) {
    double cos = Math.cos(Math.toRadians(anchorLat));
    double dx = (p.longitude() - anchorLon) * METRES_PER_DEGREE * cos;
    double dy = (p.latitude() - anchorLat) * METRES_PER_DEGREE;
    double metres = Math.sqrt(dx * dx + dy * dy);
    double seconds = Math.max(1, Math.abs(t - anchorMillis) / 1000.0); // fixes come per second at most
    return metres / seconds * 3.6 > maxJumpKmh;
  }
}
