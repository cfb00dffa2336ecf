package io.cordon.simulator.alarm;

import java.util.concurrent.atomic.AtomicLong;

/** Request ids unique per report: a per-run prefix (so runs never collide) and a counter. */
final class RequestIds {

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** @param prefix at most 40 characters, so every id stays within the contract's 64 */
  RequestIds(String prefix) {
    if (prefix.isEmpty() || prefix.length() > 40) {
      throw new IllegalArgumentException("prefix must have 1..40 characters");
    }
    this.prefix = prefix;
  }

  String next() {
    return prefix + counter.incrementAndGet();
  }
}
