package io.cordon.media.record;

import io.cordon.media.ts.TsPackets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
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
    // a partial file of this call's own: two exports of one name at once (a repeated request) each write whole,
    // and the move puts one complete clip in place, never a mix of both
    Path partial = exportsDir.resolve("." + fileName + "." + UUID.randomUUID() + ".part");
    Path out = exportsDir.resolve(fileName);
    Instant clipStart = null;
    Instant last = used.get(used.size() - 1).end();
    try (OutputStream o = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int i = 0; i < used.size(); i++) {
        RecordedSegment segment = used.get(i);
        byte[] ts = Files.readAllBytes(segment.path());
        SegmentFrames frames = SegmentFrames.of(ts, segment.start());
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
}
