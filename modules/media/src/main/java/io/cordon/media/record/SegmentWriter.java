package io.cordon.media.record;

import io.cordon.media.source.StreamProfile;
import io.cordon.media.ts.TsPackets;
import io.cordon.media.ts.TsStartCache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts one stream's TS packets into segment files. A segment opens only at a video key frame and starts with the
 * latest PAT and PMT, so every file plays on its own; it is cut at the first key frame once it is about
 * {@code length} long. Writes go straight to the file (no user-space buffer), so a killed process leaves a
 * partial file that holds everything received ({@link PartialSegments} indexes it at the next start).
 * Not thread-safe: one writer thread drives it.
 */
final class SegmentWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

  private final SegmentFiles files;
  private final String cameraId;
  private final StreamProfile profile;
  private final Duration cutAfter;
  private final SegmentCatalog catalog;
  private TsStartCache tables = new TsStartCache(false, 0);
  private FileChannel out;
  private Path partial;
  private Instant start;
  private Instant lastAt;
  private long bytes;

  SegmentWriter(SegmentFiles files, String cameraId, StreamProfile profile, Duration length, SegmentCatalog catalog) {
    this.files = files;
    this.cameraId = cameraId;
    this.profile = profile;
    // a key frame a little early still closes the segment: else jitter makes most segments one GOP longer
    this.cutAfter = length.minus(length.dividedBy(10));
    this.catalog = catalog;
  }

  /** Whole packets that arrived at {@code at}. */
  void accept(Instant arrival, byte[] chunk) {
    Instant at = arrival.truncatedTo(ChronoUnit.MILLIS); // what the file name holds
    int from = 0;
    for (int off = 0; off + TsPackets.SIZE <= chunk.length; off += TsPackets.SIZE) {
      if (!TsPackets.payloadStart(chunk, off)) {
        continue;
      }
      int pid = TsPackets.pid(chunk, off);
      if (pid == tables.videoPid() && TsPackets.randomAccess(chunk, off)) {
        if (out == null || !Duration.between(start, at).minus(cutAfter).isNegative()) {
          write(chunk, from, off);
          closeSegment(at);
          openSegment(at);
          from = off;
        }
      } else {
        tables.accept(Arrays.copyOfRange(chunk, off, off + TsPackets.SIZE));
      }
    }
    write(chunk, from, chunk.length);
    lastAt = at;
  }

  /** The source restarted: new tables and timestamps follow, so the running segment ends here. */
  void restart() {
    close();
    tables = new TsStartCache(false, 0);
  }

  /** Ends the running segment at the last packet received. */
  void close() {
    if (out != null) {
      closeSegment(lastAt == null ? start : lastAt);
    }
  }

  private void openSegment(Instant at) {
    List<byte[]> startChunks = tables.startChunks();
    if (startChunks.isEmpty()) {
      return; // no PAT/PMT yet: wait for the next key frame
    }
    Path path = files.partial(cameraId, profile, at);
    try {
      Files.createDirectories(path.getParent());
      out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      partial = path;
      start = at;
      bytes = 0;
      byte[] psi = startChunks.get(0);
      write(psi, 0, psi.length);
    } catch (IOException e) {
      LOG.error("recording {}/{}: cannot open {}: {}", cameraId, profile.urlName(), path, e.toString());
      abandon();
    }
  }

  private void write(byte[] chunk, int from, int to) {
    if (out == null || to <= from) {
      return;
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(chunk, from, to - from);
      while (buffer.hasRemaining()) {
        bytes += out.write(buffer);
      }
    } catch (IOException e) {
      // a full disk: keep what was written as a closed segment and start again at a later key frame
      LOG.error("recording {}/{}: writing {} failed: {}", cameraId, profile.urlName(), partial, e.toString());
      closeSegment(lastAt == null ? start : lastAt);
    }
  }

  private void closeSegment(Instant at) {
    if (out == null) {
      return;
    }
    Path done = SegmentFiles.done(partial, at.isBefore(start) ? start : at);
    try {
      out.close();
      Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
      catalog.recorded(new RecordedSegment(cameraId, profile, start, at.isBefore(start) ? start : at, bytes, done));
    } catch (IOException | RuntimeException e) {
      LOG.error("recording {}/{}: closing {} failed (indexed at the next start): {}", cameraId, profile.urlName(),
          partial, e.toString());
    } finally {
      out = null;
      partial = null;
    }
  }

  private void abandon() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException ignored) {
      // nothing more to save
    }
    out = null;
    partial = null;
  }
}
