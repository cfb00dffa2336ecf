package io.cordon.media.ts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a viewer who joins mid-stream needs to show a picture at once: the latest PAT and PMT and, when
 * enabled, every packet since the last video key frame (a "GOP cache"). Without the GOP a late viewer
 * waits up to one key-frame interval for its first frame. Not thread-safe; the fan-out serialises calls.
 */
public final class TsStartCache {
  private final boolean keepGop;
  private final long maxGopBytes;
  private byte[] pat;
  private byte[] pmt;
  private int pmtPid = -1;
  private int videoPid = -1;
  private final List<byte[]> gop = new ArrayList<>();
  private long gopBytes;
  private boolean gopOpen;

  public TsStartCache(boolean keepGop, long maxGopBytes) {
    this.keepGop = keepGop;
    this.maxGopBytes = maxGopBytes;
  }

  /** Feeds whole packets (a multiple of 188 bytes). */
  public void accept(byte[] chunk) {
    int gopStartInChunk = -1;
    for (int off = 0; off + TsPackets.SIZE <= chunk.length; off += TsPackets.SIZE) {
      final int at = off;
      int pid = TsPackets.pid(chunk, off);
      if (pid == TsPackets.PAT_PID && TsPackets.payloadStart(chunk, off)) {
        pat = Arrays.copyOfRange(chunk, off, off + TsPackets.SIZE);
        pmtPid = safely(() -> firstProgramPid(chunk, at));
      } else if (pid == pmtPid && TsPackets.payloadStart(chunk, off)) {
        pmt = Arrays.copyOfRange(chunk, off, off + TsPackets.SIZE);
        videoPid = safely(() -> firstVideoPid(chunk, at));
      } else if (pid == videoPid && TsPackets.randomAccess(chunk, off)) {
        gopStartInChunk = off;
      }
    }
    if (!keepGop) {
      return;
    }
    if (gopStartInChunk >= 0) {
      gop.clear();
      gopBytes = 0;
      gopOpen = true;
      append(gopStartInChunk == 0 ? chunk : Arrays.copyOfRange(chunk, gopStartInChunk, chunk.length));
    } else if (gopOpen) {
      append(chunk);
    }
  }

  /** Forget everything (the source restarted: new PIDs, new timestamps). */
  public void reset() {
    pat = null;
    pmt = null;
    pmtPid = -1;
    videoPid = -1;
    gop.clear();
    gopBytes = 0;
    gopOpen = false;
  }

  /** The chunks to send a new viewer before the live ones: PAT+PMT, then the current GOP. Empty before the first PAT/PMT. */
  public List<byte[]> startChunks() {
    List<byte[]> out = new ArrayList<>();
    if (pat == null || pmt == null) {
      return out;
    }
    byte[] tables = new byte[TsPackets.SIZE * 2];
    System.arraycopy(pat, 0, tables, 0, TsPackets.SIZE);
    System.arraycopy(pmt, 0, tables, TsPackets.SIZE, TsPackets.SIZE);
    out.add(tables);
    out.addAll(gop);
    return out;
  }

  public int videoPid() {
    return videoPid;
  }

  /** A malformed table must not kill the pull thread: treat it as absent. */
  private static int safely(java.util.function.IntSupplier parse) {
    try {
      return parse.getAsInt();
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  private void append(byte[] chunk) {
    gop.add(chunk);
    gopBytes += chunk.length;
    if (gopBytes > maxGopBytes) {
      // a huge GOP (long key-frame interval): not worth holding; late viewers wait for the next key frame
      gop.clear();
      gopBytes = 0;
      gopOpen = false;
    }
  }

  /** PAT section: pointer, table_id, length(2), tsid(2), version, section, last; then 4-byte program entries. */
  private static int firstProgramPid(byte[] b, int off) {
    int p = TsPackets.payloadOffset(b, off);
    if (p < 0) {
      return -1;
    }
    p += 1 + (b[p] & 0xff);
    int end = Math.min(off + TsPackets.SIZE, p + 3 + (((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff)) - 4);
    for (int e = p + 8; e + 4 <= end; e += 4) {
      int program = ((b[e] & 0xff) << 8) | (b[e + 1] & 0xff);
      if (program != 0) {
        return ((b[e + 2] & 0x1f) << 8) | (b[e + 3] & 0xff);
      }
    }
    return -1;
  }

  /** PMT section: after the 12-byte header and program info, 5-byte stream entries + ES info. */
  private static int firstVideoPid(byte[] b, int off) {
    int p = TsPackets.payloadOffset(b, off);
    if (p < 0) {
      return -1;
    }
    p += 1 + (b[p] & 0xff);
    int end = Math.min(off + TsPackets.SIZE, p + 3 + (((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff)) - 4);
    int programInfoLength = ((b[p + 10] & 0x0f) << 8) | (b[p + 11] & 0xff);
    for (int e = p + 12 + programInfoLength; e + 5 <= end; ) {
      int streamType = b[e] & 0xff;
      int pid = ((b[e + 1] & 0x1f) << 8) | (b[e + 2] & 0xff);
      if (isVideo(streamType)) {
        return pid;
      }
      e += 5 + (((b[e + 3] & 0x0f) << 8) | (b[e + 4] & 0xff));
    }
    return -1;
  }

  private static boolean isVideo(int streamType) {
    return streamType == 0x1b || streamType == 0x24 || streamType == 0x02 || streamType == 0x01 || streamType == 0x10;
  }
}
