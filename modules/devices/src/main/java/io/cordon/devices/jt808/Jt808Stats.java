package io.cordon.devices.jt808;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one server (shared by its connections); cheap to update from every event loop. */
public final class Jt808Stats {

  private final LongAdder framesAccepted = new LongAdder();
  private final Map<Jt808BadFrameReason, LongAdder> framesRejected = new EnumMap<>(Jt808BadFrameReason.class);
  private final LongAdder badMessages = new LongAdder();
  private final LongAdder unsupportedMessages = new LongAdder();
  private final LongAdder positions = new LongAdder();
  private final LongAdder garbageBytes = new LongAdder();

  public Jt808Stats() {
    for (Jt808BadFrameReason reason : Jt808BadFrameReason.values()) {
      framesRejected.put(reason, new LongAdder());
    }
  }

  void frameAccepted() {
    framesAccepted.increment();
  }

  void frameRejected(Jt808BadFrameReason reason) {
    framesRejected.get(reason).increment();
  }

  void badMessage() {
    badMessages.increment();
  }

  void unsupportedMessage() {
    unsupportedMessages.increment();
  }

  void positions(int count) {
    positions.add(count);
  }

  void garbage(int bytes) {
    garbageBytes.add(bytes);
  }

  /** Frames with right escaping, lengths and checksum. */
  public long framesAccepted() {
    return framesAccepted.sum();
  }

  /** Frames refused for this reason. */
  public long framesRejected(Jt808BadFrameReason reason) {
    return framesRejected.get(reason).sum();
  }

  /** Frames refused for any reason. */
  public long framesRejected() {
    long sum = 0;
    for (LongAdder adder : framesRejected.values()) {
      sum += adder.sum();
    }
    return sum;
  }

  /** Refused frames by reason, a snapshot. */
  public Map<Jt808BadFrameReason, Long> framesRejectedByReason() {
    Map<Jt808BadFrameReason, Long> snapshot = new EnumMap<>(Jt808BadFrameReason.class);
    framesRejected.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
    return snapshot;
  }

  /** Good frames whose body could not be decoded (answered with result 2). */
  public long badMessages() {
    return badMessages.sum();
  }

  /** Good frames of message types this server does not handle (answered with result 3). */
  public long unsupportedMessages() {
    return unsupportedMessages.sum();
  }

  /** Positions handed to the sink. */
  public long positions() {
    return positions.sum();
  }

  /** Bytes outside any frame (before the first 0x7e of a connection, or after an oversized frame). */
  public long garbageBytes() {
    return garbageBytes.sum();
  }

  @Override
  public String toString() {
    return "Jt808Stats[accepted=" + framesAccepted() + ", rejected=" + framesRejectedByReason() + ", badMessages="
        + badMessages() + ", unsupported=" + unsupportedMessages() + ", positions=" + positions() + "]";
  }
}
