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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exports an incident's video: for every camera linked to its alarms (and to its timeline), the recording of the
 * incident's window cut into one MPEG-TS file by the same {@link ClipExporter} as {@code RecordingService.ExportClip}
 * (starts at the key frame at or before the window, stream copy), main stream preferred. Files land in the
 * recording exports directory ({@code <data dir>/exports}), where the relay serves them with a ticket.
 */
public final class IncidentClipExport {
  /** As RecordingService.ExportClip: at most a day per clip. */
  static final Duration MAX_RANGE = Duration.ofHours(24);
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(ZoneOffset.UTC);

  /** The relay URL of an exported file for a user (ticketed); empty when no relay serves exports. */
  @FunctionalInterface
  public interface ExportUrls {
    Optional<String> url(String fileName, String user);

    ExportUrls NONE = (fileName, user) -> Optional.empty();
  }

  /** One camera's clip of the incident window. */
  public record Clip(String cameraId, StreamProfile profile, String fileName, Path file, Instant start, Instant end,
      long bytes, Optional<String> url) {}

  /** The clips written and the cameras with no recording in the window. */
  public record Export(String incidentId, List<Clip> clips, List<String> camerasWithoutRecording) {}

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
    List<Clip> clips = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (String camera : cameras) {
      Optional<Clip> clip = export(incident.getId(), camera, from, to, user);
      if (clip.isPresent()) {
        clips.add(clip.get());
      } else {
        without.add(camera);
      }
    }
    return new Export(incident.getId(), List.copyOf(clips), List.copyOf(without));
  }

  private Optional<Clip> export(String incidentId, String camera, Instant from, Instant to, String user) {
    for (StreamProfile profile : List.of(StreamProfile.MAIN, StreamProfile.SUB)) {
      List<RecordedSegment> segments = catalog.segments(camera, profile, from, to);
      if (segments.isEmpty()) {
        continue;
      }
      String name = safe(incidentId) + "-" + safe(camera) + "-" + profile.urlName() + "-" + NAME_TIME.format(from) + "-"
          + NAME_TIME.format(to) + ".ts";
      try {
        ClipExporter.Clip clip = exporter.export(segments, from, to, name);
        return Optional.of(new Clip(camera, profile, name, clip.file(), clip.start(), clip.end(), clip.bytes(),
            urls.url(name, user)));
      } catch (IOException e) {
        throw new UncheckedIOException("the clip of " + camera + " could not be written", e);
      }
    }
    return Optional.empty();
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
