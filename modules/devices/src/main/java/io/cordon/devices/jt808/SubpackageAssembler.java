package io.cordon.devices.jt808;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Joins the packets of split messages of one connection. Packets of one message carry consecutive
 * serials, so a message is keyed by its id, terminal, total and the serial its first packet has.
 * Incomplete messages expire after a timeout, and the bytes held are capped: a terminal that never
 * finishes its messages cannot fill memory. Not thread-safe (one per connection, on its event loop).
 */
final class SubpackageAssembler {

  /** Incomplete messages one connection may hold at once; the oldest goes first. */
  static final int MAX_MESSAGES = 16;

  private final long timeoutNanos;
  private final int maxBytes;
  private final LongSupplier nanoTime;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private int heldBytes;
  private long expired;

  SubpackageAssembler(long timeoutNanos, int maxBytes, LongSupplier nanoTime) {
    this.timeoutNanos = timeoutNanos;
    this.maxBytes = maxBytes;
    this.nanoTime = nanoTime;
  }

  /**
   * Adds one packet.
   *
   * @return the whole body when this packet completes its message, else null
   * @throws MalformedBodyException when the subpackage fields are impossible or the message would
   *     exceed the byte cap (its packets so far are dropped)
   */
  byte[] offer(Jt808Header header, byte[] body) throws MalformedBodyException {
    Jt808Subpackage sub = header.subpackage();
    if (sub == null || !sub.isValid()) {
      throw new MalformedBodyException("impossible subpackage fields " + sub);
    }
    long now = nanoTime.getAsLong();
    expire(now);
    if (sub.total() == 1) {
      return body;
    }
    int firstSerial = (header.serial() - (sub.index() - 1)) & 0xffff;
    Key key = new Key(header.messageId(), header.terminalNumber(), sub.total(), firstSerial);
    Pending message = pending.get(key);
    if (message == null) {
      while (pending.size() >= MAX_MESSAGES) {
        drop(pending.keySet().iterator().next());
      }
      message = new Pending(now);
      pending.put(key, message);
    }
    byte[] previous = message.parts.get(sub.index());
    int growth = body.length - (previous == null ? 0 : previous.length);
    if (heldBytes + growth > maxBytes) {
      drop(key);
      throw new MalformedBodyException("split message exceeds " + maxBytes + " bytes");
    }
    message.parts.put(sub.index(), body);
    heldBytes += growth;
    if (message.parts.size() < sub.total()) {
      return null;
    }
    drop(key);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    for (int index = 1; index <= sub.total(); index++) {
      whole.writeBytes(message.parts.get(index));
    }
    return whole.toByteArray();
  }

  /** Incomplete messages held now. */
  int pendingMessages() {
    return pending.size();
  }

  /** Bytes of incomplete messages held now. */
  int heldBytes() {
    return heldBytes;
  }

  /** Incomplete messages dropped because they timed out. */
  long expired() {
    return expired;
  }

  private void expire(long now) {
    Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Pending> entry = it.next();
      if (now - entry.getValue().startedNanos <= timeoutNanos) {
        break; // insertion order: the rest are younger
      }
      heldBytes -= entry.getValue().bytes();
      expired++;
      it.remove();
    }
  }

  private void drop(Key key) {
    Pending message = pending.remove(key);
    if (message != null) {
      heldBytes -= message.bytes();
    }
  }

  private record Key(int messageId, String terminal, int total, int firstSerial) {
  }

  private static final class Pending {
    // By index, not an array of `total` slots: a hostile total of 65535 must not allocate up front.
    final Map<Integer, byte[]> parts = new HashMap<>();
    final long startedNanos;

    Pending(long startedNanos) {
      this.startedNanos = startedNanos;
    }

    int bytes() {
      int sum = 0;
      for (byte[] part : parts.values()) {
        sum += part.length;
      }
      return sum;
    }
  }
}
