package io.cordon.server.report.incident;

import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.SegmentCatalog;
import io.cordon.media.source.StreamProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Still frames from the recordings: the segment of a camera that holds a moment (main stream preferred), decoded
 * by ffmpeg at the offset of that moment into a JPEG at most 640 pixels wide. Empty when nothing was recorded
 * then, or ffmpeg could not read it (the report says so instead of showing a frame).
 */
public final class RecordedFrames {
  private static final Logger LOG = LoggerFactory.getLogger(RecordedFrames.class);

  private final SegmentCatalog catalog;
  private final String ffmpeg;
  private final Duration timeout;

  public RecordedFrames(SegmentCatalog catalog) {
    this(catalog, "ffmpeg", Duration.ofSeconds(20));
  }

  public RecordedFrames(SegmentCatalog catalog, String ffmpeg, Duration timeout) {
    this.catalog = catalog;
    this.ffmpeg = ffmpeg;
    this.timeout = timeout;
  }

  /** The JPEG of what {@code cameraId} recorded at {@code at}. */
  public Optional<byte[]> jpegAt(String cameraId, Instant at) {
    for (StreamProfile profile : List.of(StreamProfile.MAIN, StreamProfile.SUB)) {
      List<RecordedSegment> segments = catalog.segments(cameraId, profile, at, at.plusMillis(1));
      for (RecordedSegment segment : segments) {
        if (segment.contains(at) && Files.isRegularFile(segment.path())) {
          Optional<byte[]> frame = grab(segment, Duration.between(segment.start(), at));
          if (frame.isPresent()) {
            return frame;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> grab(RecordedSegment segment, Duration offset) {
    Path out = null;
    try {
      out = Files.createTempFile("cordon-frame-", ".jpg");
      Process process = new ProcessBuilder(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
          "-ss", String.format(Locale.ROOT, "%.3f", offset.toMillis() / 1000.0), "-i", segment.path().toString(),
          "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "3", out.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        LOG.warn("ffmpeg took longer than {} for a frame of {}", timeout, segment.path());
        return Optional.empty();
      }
      if (process.exitValue() != 0 || Files.size(out) == 0) {
        LOG.warn("ffmpeg found no frame at {} in {}", offset, segment.path());
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(out));
    } catch (IOException e) {
      LOG.warn("cannot take a frame from {}: {}", segment.path(), e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
