package io.cordon.server.report.incident;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.Timeline;
import io.cordon.media.record.ClipExporter;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.SegmentCatalog;
import io.cordon.media.source.StreamProfile;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports an incident's video: for every camera linked to its alarms (and to its timeline), the recording of the
 * incident's window cut into one MPEG-TS file by the same {@link ClipExporter} as {@code RecordingService.ExportClip}
 * (starts at the key frame at or before the window, stream copy), main stream preferred. Files land in the
 * recording exports directory ({@code <data dir>/exports}), where the relay serves them with a ticket.
 *
 * <p>Every export names its files with its own random export id, so two exports of one incident at once (two
 * supervisors, a double click) never write, replace or hash each other's files; each file is written under a
 * temporary name and moved into place atomically ({@link ClipExporter}).
 *
 * <p>Failures, as a recorder would treat them: a camera whose indexed segment files are gone or unreadable (deleted
 * by hand, a failing disk) is not exported, falls back to its sub stream, else is answered among {@link
 * Export#camerasWithUnreadableRecording()}; the other cameras are still exported, since the rest of the evidence
 * is sound. A clip that cannot be written (the exports disk full or failing) fails the whole export with {@link
 * ClipNotWritten}, after deleting the files this export already wrote: no half export is left to be served.
 */
public final class IncidentClipExport {
  private static final Logger log = LoggerFactory.getLogger(IncidentClipExport.class);
  /** As RecordingService.ExportClip: at most a day per clip. */
  static final Duration MAX_RANGE = Duration.ofHours(24);
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(ZoneOffset.UTC);
  /** 64 random bits per export: file names that no other export picks. */
  private static final SecureRandom EXPORT_IDS = new SecureRandom();

  /** The relay URL of an exported file for a user (ticketed); empty when no relay serves exports. */
  @FunctionalInterface
  public interface ExportUrls {
    Optional<String> url(String fileName, String user);

    ExportUrls NONE = (fileName, user) -> Optional.empty();
  }

  /** One camera's clip of the incident window. */
  public record Clip(String cameraId, StreamProfile profile, String fileName, Path file, Instant start, Instant end,
      long bytes, Optional<String> url) {}

  /**
   * The clips written, the cameras with no recording in the window and those whose recording could not be read.
   */
  public record Export(String incidentId, List<Clip> clips, List<String> camerasWithoutRecording,
      List<String> camerasWithUnreadableRecording) {

    /** Deletes the written files (the export is not delivered after all); best effort. */
    public void discard() {
      IncidentClipExport.discard(clips);
    }
  }

  /** A clip could not be written; no file of the export is left. */
  public static final class ClipNotWritten extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String cameraId;

    ClipNotWritten(String cameraId, Exception cause) {
      super("the clip of camera " + cameraId + " could not be written: " + cause.getMessage(), cause);
      this.cameraId = cameraId;
    }

    public String cameraId() {
      return cameraId;
    }
  }

  private final SegmentCatalog catalog;
  private final ClipExporter exporter;
  private final AlarmLookup alarms;
  private final ExportUrls urls;

  /** @param exportsDir the relay's exports directory ({@code <data dir>/exports} in the server) */
  public IncidentClipExport(SegmentCatalog catalog, Path exportsDir, AlarmLookup alarms, ExportUrls urls) {
    this.catalog = catalog;
    this.exporter = new ClipExporter(exportsDir);
    this.alarms = alarms;
    this.urls = urls;
  }

  /**
   * @param timeline the incident's timeline, whose camera ids are exported too; {@code Timeline.getDefaultInstance()}
   *     for the alarms' cameras only
   * @param user who asks (the URLs' tickets are theirs)
   */
  public Export export(Incident incident, Timeline timeline, String user) {
    Instant from = instant(incident.getWindowFrom());
    Instant to = instant(incident.getWindowTo());
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the incident window is empty: " + from + " .. " + to);
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      to = from.plus(MAX_RANGE);
    }
    Set<String> cameras = new LinkedHashSet<>();
    for (String alarmId : incident.getAlarmIdsList()) {
      alarms.alarm(alarmId).ifPresent(a -> cameras.addAll(cameras(a)));
    }
    cameras.addAll(timeline.getCameraIdsList());
    String exportId = HexFormat.of().toHexDigits(EXPORT_IDS.nextLong());
    List<Clip> clips = new ArrayList<>();
    List<String> without = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (String camera : cameras) {
      Outcome outcome;
      try {
        outcome = export(incident.getId(), exportId, camera, from, to, user);
      } catch (IOException | RuntimeException e) {
        discard(clips);
        throw new ClipNotWritten(camera, e);
      }
      if (outcome.clip().isPresent()) {
        clips.add(outcome.clip().get());
      } else if (outcome.unreadable()) {
        unreadable.add(camera);
      } else {
        without.add(camera);
      }
    }
    return new Export(incident.getId(), List.copyOf(clips), List.copyOf(without), List.copyOf(unreadable));
  }

  /** A fresh URL of a file an export wrote, for a user (a repeated request answers its earlier files). */
  public Optional<String> url(String fileName, String user) {
    return urls.url(fileName, user);
  }

  /** What became of one camera: its clip, else whether recorded segments could not be read. */
  private record Outcome(Optional<Clip> clip, boolean unreadable) {}

  /** @throws IOException when the clip could not be written (not when a segment could not be read) */
  private Outcome export(String incidentId, String exportId, String camera, Instant from, Instant to, String user)
      throws IOException {
    boolean unreadable = false;
    for (StreamProfile profile : List.of(StreamProfile.MAIN, StreamProfile.SUB)) {
      List<RecordedSegment> segments = catalog.segments(camera, profile, from, to);
      if (segments.isEmpty()) {
        continue;
      }
      if (!segments.stream().allMatch(s -> Files.isRegularFile(s.path()) && Files.isReadable(s.path()))) {
        unreadable = true; // indexed but gone (deleted by hand, a failing disk): try the other stream
        continue;
      }
      String name = safe(incidentId) + "-" + safe(camera) + "-" + profile.urlName() + "-" + NAME_TIME.format(from) + "-"
          + NAME_TIME.format(to) + "-" + exportId + ".ts";
      ClipExporter.Clip clip;
      try {
        clip = exporter.export(segments, from, to, name);
      } catch (FileSystemException e) {
        if (!isSegment(e.getFile(), segments)) {
          throw e;
        }
        unreadable = true; // vanished meanwhile; the exporter deleted its temporary file
        continue;
      }
      try {
        return new Outcome(Optional.of(new Clip(camera, profile, name, clip.file(), clip.start(), clip.end(),
            clip.bytes(), urls.url(name, user))), false);
      } catch (RuntimeException e) {
        Files.deleteIfExists(clip.file());
        throw e;
      }
    }
    return new Outcome(Optional.empty(), unreadable);
  }

  private static boolean isSegment(String file, List<RecordedSegment> segments) {
    return file != null && segments.stream().anyMatch(s -> s.path().toString().equals(file));
  }

  private static void discard(List<Clip> clips) {
    for (Clip clip : clips) {
      try {
        Files.deleteIfExists(clip.file());
      } catch (IOException e) { // the failure that led here matters more than a leftover no answer names
        log.warn("cannot delete the undelivered clip {}", clip.file(), e);
      }
    }
  }

  private static Set<String> cameras(Alarm a) {
    Set<String> cameras = new LinkedHashSet<>();
    if (!a.getLocation().getCameraId().isEmpty()) {
      cameras.add(a.getLocation().getCameraId());
    }
    cameras.addAll(a.getLinkedCameraIdsList());
    return cameras;
  }

  private static String safe(String s) {
    String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
