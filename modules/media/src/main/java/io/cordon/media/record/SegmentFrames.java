package io.cordon.media.record;

import io.cordon.media.ts.TsPackets;
import io.cordon.media.ts.TsStartCache;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The video frames of one segment: packet offset, presentation time and key-frame flag of each PES start, times
 * on the wall clock (the segment's start plus the PTS distance from its first frame). Clip export and playback
 * use it to start at the key frame at or before an instant.
 */
public final class SegmentFrames {
  private static final long PTS_WRAP = 1L << 33;

  private final byte[] tables;
  private final int[] offsets;
  private final Instant[] times;
  private final boolean[] keys;

  private SegmentFrames(byte[] tables, int[] offsets, Instant[] times, boolean[] keys) {
    this.tables = tables;
    this.offsets = offsets;
    this.times = times;
    this.keys = keys;
  }

  public static SegmentFrames of(byte[] ts, Instant segmentStart) {
    TsStartCache psi = new TsStartCache(false, 0);
    int n = 0;
    int[] offsets = new int[256];
    long[] pts = new long[256];
    boolean[] keys = new boolean[256];
    for (int off = 0; off + TsPackets.SIZE <= ts.length; off += TsPackets.SIZE) {
      if (!TsPackets.payloadStart(ts, off)) {
        continue;
      }
      if (TsPackets.pid(ts, off) != psi.videoPid()) {
        psi.accept(Arrays.copyOfRange(ts, off, off + TsPackets.SIZE));
        continue;
      }
      long p = pts(ts, off);
      if (p < 0) {
        continue;
      }
      if (n == offsets.length) {
        offsets = Arrays.copyOf(offsets, n * 2);
        pts = Arrays.copyOf(pts, n * 2);
        keys = Arrays.copyOf(keys, n * 2);
      }
      offsets[n] = off;
      pts[n] = p;
      keys[n] = TsPackets.randomAccess(ts, off);
      n++;
    }
    Instant[] times = new Instant[n];
    for (int i = 0; i < n; i++) {
      long ticks = Math.floorMod(pts[i] - pts[0], PTS_WRAP);
      times[i] = segmentStart.plusNanos(ticks * 100_000 / 9);
    }
    List<byte[]> start = psi.startChunks();
    return new SegmentFrames(start.isEmpty() ? new byte[0] : start.get(0), Arrays.copyOf(offsets, n), times,
        Arrays.copyOf(keys, n));
  }

  /** PAT and PMT (two packets) to put before a piece that does not start at the file's beginning. */
  public byte[] tables() {
    return tables;
  }

  /** Offset of the last key frame at or before {@code at}; the first key frame when none is (0 when none at all). */
  public int lastKeyFrameAtOrBefore(Instant at) {
    int found = -1;
    for (int i = 0; i < offsets.length; i++) {
      if (keys[i] && (found < 0 || !times[i].isAfter(at))) {
        found = i;
      }
      if (times[i].isAfter(at) && found >= 0) {
        break;
      }
    }
    return found < 0 ? 0 : offsets[found];
  }

  /** Offset of the first frame presented at or after {@code at}, or {@code otherwise}. */
  public int firstFrameAtOrAfter(Instant at, int otherwise) {
    for (int i = 0; i < offsets.length; i++) {
      if (!times[i].isBefore(at)) {
        return offsets[i];
      }
    }
    return otherwise;
  }

  /** Wall-clock time of the frame starting at {@code offset} (the first frame's when none does). */
  public Instant timeAt(int offset) {
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] == offset) {
        return times[i];
      }
    }
    return times.length == 0 ? Instant.EPOCH : times[0];
  }

  /** The 33-bit PTS of the PES starting in this packet, or -1. */
  private static long pts(byte[] b, int off) {
    int p = TsPackets.payloadOffset(b, off);
    if (p < 0 || p + 14 > off + TsPackets.SIZE || b[p] != 0 || b[p + 1] != 0 || b[p + 2] != 1
        || (b[p + 7] & 0x80) == 0) {
      return -1;
    }
    int q = p + 9;
    return ((long) (b[q] & 0x0e) << 29) | ((b[q + 1] & 0xffL) << 22) | ((b[q + 2] & 0xfeL) << 14)
        | ((b[q + 3] & 0xffL) << 7) | ((b[q + 4] & 0xfeL) >> 1);
  }
}
