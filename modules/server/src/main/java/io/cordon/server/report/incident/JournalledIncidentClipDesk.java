package io.cordon.server.report.incident;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.CameraWithoutClip;
import io.cordon.api.v1.ClipExport;
import io.cordon.api.v1.ClipMissingReason;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentCameraClip;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.Timeline;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.media.record.SegmentCatalog;
import io.cordon.server.alarm.SopCatalog;
import io.cordon.server.event.Appended;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TransactionWork;
import io.cordon.server.incident.IncidentClipDesk;
import io.cordon.server.persistence.Database;
import io.cordon.server.timeline.RequestRefusal;
import io.cordon.server.video.recording.ExportLinks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident's clips ({@link IncidentClipExport}) with what the supervisor needs to trust them later: each file's
 * SHA-256, recorded in the journal as {@code incident.clips_exported} about {@code incident/<id>} and {@code
 * user/<who>} (camera, file, bytes and hash per clip, the cameras without recording), as {@code report.signed}
 * records a report's hash. Cameras with nothing recorded in the window are answered with the reason.
 */
public final class JournalledIncidentClipDesk implements IncidentClipDesk {
  public static final String EXPORTED_EVENT = "incident.clips_exported";
  /** An event's attributes hold at most 4000 characters of JSON: about 230 per clip, so several events. */
  static final int CLIPS_PER_EVENT = 8;
  /** Camera ids listed without recording in one event, the rest counted. */
  static final int MAX_WITHOUT_LISTED = 40;

  private final IncidentClipExport export;
  private final Park park;
  private final EventJournal journal;
  private final Duration ticketLifetime;
  private final Clock clock;

  public JournalledIncidentClipDesk(IncidentClipExport export, Park park, EventJournal journal,
      Duration ticketLifetime, Clock clock) {
    this.export = export;
    this.park = park;
    this.journal = journal;
    this.ticketLifetime = ticketLifetime;
    this.clock = clock;
  }

  /**
   * The desk as the server wires it: alarms from the alarm table, segments from the recording index, files into the
   * relay's exports directory with its ticketed URLs ({@code RecordingModule.exportLinks()}).
   */
  public static JournalledIncidentClipDesk create(Park park, Database database, EventJournal journal,
      SegmentCatalog segments, ExportLinks links, Clock clock) {
    IncidentClipExport export = new IncidentClipExport(segments, links.exportsDir(),
        new StoredAlarms(database, SopCatalog.bundled()), (fileName, user) -> Optional.of(links.export(fileName, user)));
    return new JournalledIncidentClipDesk(export, park, journal, links.ticketLifetime(), clock);
  }

  @Override
  public IncidentClips export(Incident incident, Timeline timeline, String user) {
    if (!incident.hasWindowFrom() || !incident.hasWindowTo()
        || !instant(incident.getWindowTo()).isAfter(instant(incident.getWindowFrom()))) {
      throw RequestRefusal.failedPrecondition("incident_id", "the incident's window is empty");
    }
    // every ticket is issued after this instant, so none expires before the time answered
    Instant asked = clock.instant();
    IncidentClipExport.Export written = export.export(incident, timeline, user);
    IncidentClips.Builder answer = IncidentClips.newBuilder().setIncidentId(incident.getId())
        .setWindowFrom(incident.getWindowFrom())
        .setWindowTo(timestamp(earliest(instant(incident.getWindowTo()),
            instant(incident.getWindowFrom()).plus(IncidentClipExport.MAX_RANGE))));
    for (IncidentClipExport.Clip clip : written.clips()) {
      ClipExport.Builder file = ClipExport.newBuilder().setStart(timestamp(clip.start())).setEnd(timestamp(clip.end()))
          .setBytes(clip.bytes()).setFileName(clip.fileName());
      clip.url().ifPresent(url -> file.setUrl(url).setExpiresAt(timestamp(asked.plus(ticketLifetime))));
      answer.addClips(IncidentCameraClip.newBuilder().setCameraId(clip.cameraId()).setCameraName(name(clip.cameraId()))
          .setProfile(clip.profile().urlName()).setClip(file).setSha256(sha256(clip.file())));
    }
    for (String camera : written.camerasWithoutRecording()) {
      answer.addWithoutClip(CameraWithoutClip.newBuilder().setCameraId(camera).setCameraName(name(camera))
          .setReason(ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));
    }
    List<Appended> appended = journal.appendAll(events(answer, user).stream().map(JournalAppend::of).toList(),
        TransactionWork.NONE);
    return answer.setJournalSeq(appended.get(0).event().seq()).build();
  }

  /** One event per {@link #CLIPS_PER_EVENT} clips (at least one), appended together. */
  private List<NewEvent> events(IncidentClips.Builder answer, String user) {
    Instant at = clock.instant();
    String incidentId = answer.getIncidentId();
    List<IncidentCameraClip> clips = answer.getClipsList();
    int parts = Math.max(1, (clips.size() + CLIPS_PER_EVENT - 1) / CLIPS_PER_EVENT);
    List<String> without = answer.getWithoutClipList().stream().map(CameraWithoutClip::getCameraId).toList();
    List<NewEvent> events = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("clips", Integer.toString(clips.size()));
      attributes.put("part", (part + 1) + "/" + parts);
      attributes.put("window_from", instant(answer.getWindowFrom()).toString());
      attributes.put("window_to", instant(answer.getWindowTo()).toString());
      for (int i = part * CLIPS_PER_EVENT; i < Math.min(clips.size(), (part + 1) * CLIPS_PER_EVENT); i++) {
        IncidentCameraClip clip = clips.get(i);
        attributes.put("clip." + i + ".camera", clip.getCameraId());
        attributes.put("clip." + i + ".file", clip.getClip().getFileName());
        attributes.put("clip." + i + ".bytes", Long.toString(clip.getClip().getBytes()));
        attributes.put("clip." + i + ".sha256", clip.getSha256());
      }
      if (part == 0 && !without.isEmpty()) {
        List<String> listed = without.subList(0, Math.min(without.size(), MAX_WITHOUT_LISTED));
        attributes.put("without_recording", String.join(",", listed)
            + (without.size() > listed.size() ? ",+" + (without.size() - listed.size()) : ""));
      }
      String summary = clips.size() + " clips of incident " + incidentId + " exported by " + user
          + (without.isEmpty() ? "" : ", " + without.size() + " cameras without recording")
          + (parts > 1 ? " (part " + (part + 1) + " of " + parts + ")" : "");
      events.add(new NewEvent(at, EXPORTED_EVENT,
          List.of(new SubjectKey("incident", incidentId), new SubjectKey("user", user)), Optional.empty(), summary,
          attributes));
    }
    return events;
  }

  private String name(String cameraId) {
    return park.camera(new CameraId(cameraId)).map(Camera::name).orElse("");
  }

  /** The hex SHA-256 of a written clip, read back from disk as the relay will serve it. */
  static String sha256(Path file) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the clip " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
