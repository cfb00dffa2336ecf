package io.cordon.media.record;

import io.cordon.media.ts.TsPackets;
import io.cordon.media.ts.TsStartCache;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts {@code [from, to)} of one stream's segments into one MPEG-TS file by stream copy at the packet level: the
 * clip opens with PAT/PMT and the last video key frame at or before {@code from} (so it starts at most one GOP
 * early and always with a picture), takes the segments between whole, and ends at the first video frame at or
 * after {@code to}. Segments of one pull carry continuous timestamps, so the pieces join into one stream.
 *
 * <p>Why not ffmpeg's concat demuxer: with {@code -c copy}, its seeking ({@code -ss} before the input, or
 * {@code inpoint}) started the clip at the requested frame rather than at a key frame, or dropped the frames
 * between the key frame and the in point (measured on the relay's own segments), so clips began with a grey or
 * frozen picture.
 */
public final class ClipExporter {
  /** Names a client may ask the relay for: no path separators, no dot files. */
  public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}\\.ts");
  private static final long PTS_WRAP = 1L << 33;

  private final Path exportsDir;

  public ClipExporter(Path exportsDir) {
    this.exportsDir = exportsDir.toAbsolutePath();
  }

  public Path exportsDir() {
    return exportsDir;
  }

  /**
   * What was written.
   *
   * @param start time of its first key frame (at most one GOP before the requested start)
   * @param end where its content ends (the requested end, or the end of the recording)
   */
  public record Clip(Path file, Instant start, Instant end, long bytes) {}

  /**
   * @param segments the segments of one stream overlapping {@code [from, to)} (any order)
   * @param fileName the file to write under the exports directory ({@link #SAFE_NAME})
   * @throws IllegalArgumentException when no segment overlaps the range or the name is unsafe
   */
  public Clip export(List<RecordedSegment> segments, Instant from, Instant to, String fileName) throws IOException {
    if (!SAFE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("unsafe export file name: " + fileName);
    }
    List<RecordedSegment> used = segments.stream().filter(s -> s.overlaps(from, to))
        .sorted(Comparator.comparing(RecordedSegment::start)).toList();
    if (used.isEmpty()) {
      throw new IllegalArgumentException("no recording between " + from + " and " + to);
    }
    Files.createDirectories(exportsDir);
    Path partial = exportsDir.resolve("." + fileName + ".part");
    Path out = exportsDir.resolve(fileName);
    Instant clipStart = null;
    Instant last = used.get(used.size() - 1).end();
    try (OutputStream o = Files.newOutputStream(partial)) {
      for (int i = 0; i < used.size(); i++) {
        RecordedSegment segment = used.get(i);
        byte[] ts = Files.readAllBytes(segment.path());
        Frames frames = Frames.of(ts, segment.start());
        int begin = 0;
        int end = ts.length - ts.length % TsPackets.SIZE;
        if (i == 0) {
          int key = frames.lastKeyFrameAtOrBefore(from);
          if (key > 0) {
            o.write(frames.tables());
            begin = key;
          }
          clipStart = frames.timeAt(key);
        }
        if (i == used.size() - 1) {
          end = Math.min(end, frames.firstFrameAtOrAfter(to, end));
        }
        o.write(ts, begin, Math.max(0, end - begin));
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Clip(out, clipStart, to.isAfter(last) ? last : to, Files.size(out));
  }

  /** The video frames of one segment: packet offset and presentation time of each PES start. */
  private static final class Frames {
    private final byte[] tables;
    private final int[] offsets;
    private final Instant[] times;
    private final boolean[] keys;

    private Frames(byte[] tables, int[] offsets, Instant[] times, boolean[] keys) {
      this.tables = tables;
      this.offsets = offsets;
      this.times = times;
      this.keys = keys;
    }

    static Frames of(byte[] ts, Instant segmentStart) {
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
      return new Frames(start.isEmpty() ? new byte[0] : start.get(0), Arrays.copyOf(offsets, n), times,
          Arrays.copyOf(keys, n));
    }

    byte[] tables() {
      return tables;
    }

    /** Offset of the last key frame at or before {@code at}; the first key frame when none is (0 when none at all). */
    int lastKeyFrameAtOrBefore(Instant at) {
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
    int firstFrameAtOrAfter(Instant at, int otherwise) {
      for (int i = 0; i < offsets.length; i++) {
        if (!times[i].isBefore(at)) {
          return offsets[i];
        }
      }
      return otherwise;
    }

    Instant timeAt(int offset) {
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
}
