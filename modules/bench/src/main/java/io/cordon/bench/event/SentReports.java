package io.cordon.bench.event;

import java.util.Arrays;

/**
 * Per report of a fixed-rate run: when it was scheduled, when its ack came back and the seq the
 * server gave it. Written by the sender and by ack callbacks, read after all answers arrived.
 */
final class SentReports {

  private static final long NONE = -1;

  private final long[] scheduledNanos;
  private final long[] ackedNanos;
  private final long[] seqs;
  private volatile long sendingEndedNanos;

  SentReports(int count) {
    scheduledNanos = new long[count];
    ackedNanos = new long[count];
    seqs = new long[count];
    Arrays.fill(ackedNanos, NONE);
    Arrays.fill(seqs, NONE);
  }

  void scheduled(int index, long nanos) {
    scheduledNanos[index] = nanos;
  }

  void acked(int index, long nanos, long seq) {
    ackedNanos[index] = nanos;
    seqs[index] = seq;
  }

  void failed(int index) {
    ackedNanos[index] = NONE;
  }

  void sendingEnded(long nanos) {
    sendingEndedNanos = nanos;
  }

  int count() {
    return scheduledNanos.length;
  }

  boolean isAcked(int index) {
    return ackedNanos[index] != NONE;
  }

  long scheduledNanos(int index) {
    return scheduledNanos[index];
  }

  long ackedNanos(int index) {
    return ackedNanos[index];
  }

  long seq(int index) {
    return seqs[index];
  }

  long sendingEndedNanos() {
    return sendingEndedNanos;
  }

  long highestSeq() {
    return Arrays.stream(seqs).max().orElse(NONE);
  }
}
