package io.cordon.media.ts;

import java.util.Arrays;

/**
 * Cuts a byte stream (a pipe delivers arbitrary read sizes) into whole 188-byte packets, re-finding the
 * sync byte if the stream ever slips. Not thread-safe: one reader thread feeds it.
 */
public final class TsAligner {
  private byte[] pending = new byte[TsPackets.SIZE * 512];
  private int length;
  private long droppedBytes;

  /** Appends {@code n} bytes and returns the complete packets now available (empty array when none). */
  public byte[] accept(byte[] data, int n) {
    ensureCapacity(length + n);
    System.arraycopy(data, 0, pending, length, n);
    length += n;
    int start = syncStart();
    int whole = 0;
    while (start + whole + TsPackets.SIZE <= length && pending[start + whole] == TsPackets.SYNC) {
      whole += TsPackets.SIZE;
    }
    byte[] out = Arrays.copyOfRange(pending, start, start + whole);
    int consumed = start + whole;
    System.arraycopy(pending, consumed, pending, 0, length - consumed);
    length -= consumed;
    return out;
  }

  /** Bytes thrown away while looking for sync (0 for a healthy ffmpeg pipe). */
  public long droppedBytes() {
    return droppedBytes;
  }

  private int syncStart() {
    for (int i = 0; i < length; i++) {
      if (pending[i] == TsPackets.SYNC && (i + TsPackets.SIZE >= length || pending[i + TsPackets.SIZE] == TsPackets.SYNC)) {
        droppedBytes += i;
        return i;
      }
    }
    // no candidate yet: keep the tail that could still start a packet
    int keep = Math.min(length, TsPackets.SIZE - 1);
    droppedBytes += length - keep;
    return length - keep > 0 ? length - keep : 0;
  }

  private void ensureCapacity(int needed) {
    if (needed > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }
  }
}
