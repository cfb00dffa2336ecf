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
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incident's clips ({@link IncidentClipExport}) with what the supervisor needs to trust them later: each file's
 * SHA-256, recorded in the journal as {@code incident.clips_exported} about {@code incident/<id>} and {@code
 * user/<who>} (camera, file, bytes and hash per clip, the cameras without recording), as {@code report.signed}
 * records a report's hash. Cameras with nothing recorded in the window, or whose segments cannot be read, are
 * answered with the reason; the rest is exported ({@link IncidentClipExport} says why per camera).
 *
 * <p>Only a delivered export is journalled, and only a journalled one is left on disk: when a clip cannot be
 * written, or the journal refuses the event, the files already written are deleted and the caller is answered
 * UNAVAILABLE naming the camera (or the failure), so a retry starts clean.
 *
 * <p>With a request id the export is done once: the journal records the key with the first event (as the incident
 * book's changes do), and a repeat is answered from the journalled events (same files, hashes and journal_seq,
 * fresh tickets) without exporting again. Two requests with one id at the same moment both export, but the journal
 * takes only the first; the second deletes its files and answers the first's.
 */
public final class JournalledIncidentClipDesk implements IncidentClipDesk {
  public static final String EXPORTED_EVENT = "incident.clips_exported";
  /** An event's attributes hold at most 4000 characters of JSON: up to about 450 per clip, so several events. */
  static final int CLIPS_PER_EVENT = 6;
  /** Camera ids without a clip listed in one event; more go to further events, so a repeat can answer them. */
  static final int MAX_WITHOUT_LISTED = 40;
  private static final Logger log = LoggerFactory.getLogger(JournalledIncidentClipDesk.class);
  private static final TypeFilter EXPORTED = new TypeFilter(List.of(EXPORTED_EVENT));

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
  public IncidentClips export(Incident incident, Timeline timeline, String user, Optional<String> requestId) {
    if (!incident.hasWindowFrom() || !incident.hasWindowTo()
        || !instant(incident.getWindowTo()).isAfter(instant(incident.getWindowFrom()))) {
      throw RequestRefusal.failedPrecondition("incident_id", "the incident's window is empty");
    }
    // every ticket is issued after this instant, so none expires before the time answered
    Instant asked = clock.instant();
    Optional<String> key = requestId.map(id -> "incident-clips/" + user + "/" + id);
    if (key.isPresent()) {
      Long earlier = journal.recordedSeqs(List.of(key.get())).get(key.get());
      if (earlier != null) {
        return repeat(earlier, incident.getId(), user, asked);
      }
    }
    IncidentClipExport.Export written;
    try {
      written = export.export(incident, timeline, user);
    } catch (IncidentClipExport.ClipNotWritten e) {
      log.warn("the clips of incident {} were not exported", incident.getId(), e);
      throw RequestRefusal.unavailable("incident_id", "the clip of camera " + e.cameraId()
          + " could not be written; nothing was exported or journalled, retry later");
    }
    List<Appended> appended;
    IncidentClips.Builder answer;
    try {
      answer = answer(written, incident, asked);
      List<NewEvent> events = events(answer, user);
      List<JournalAppend> appends = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        appends.add(i == 0 && key.isPresent() ? JournalAppend.once(key.get(), events.get(i))
            : JournalAppend.of(events.get(i)));
      }
      appended = journal.appendAll(appends, (session, outcomes) -> {
        if (!outcomes.get(0).isNew()) { // the same request meanwhile: record none of this export's parts
          throw new AlreadyExported(outcomes.get(0).event().seq());
        }
      });
    } catch (AlreadyExported e) {
      log.info("incident {}: the same request exported meanwhile (event {}); answering that export", incident.getId(),
          e.seq);
      written.discard();
      return repeat(e.seq, incident.getId(), user, asked);
    } catch (RuntimeException e) {
      written.discard();
      throw e;
    }
    return answer.setJournalSeq(appended.get(0).event().seq()).build();
  }

  /** The same request id was journalled by a concurrent request while this one exported. */
  private static final class AlreadyExported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seq;

    AlreadyExported(long seq) {
      super("exported meanwhile as event " + seq, null, false, false);
      this.seq = seq;
    }
  }

  private IncidentClips.Builder answer(IncidentClipExport.Export written, Incident incident, Instant asked) {
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
      answer.addWithoutClip(without(camera, ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));
    }
    for (String camera : written.camerasWithUnreadableRecording()) {
      answer.addWithoutClip(without(camera, ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE));
    }
    return answer;
  }

  /** The answer of the export journalled from {@code seq} on, with fresh tickets. */
  private IncidentClips repeat(long seq, String incidentId, String user, Instant asked) {
    List<JournalEvent> first = journal.readAfter(seq - 1, EXPORTED, 1);
    if (first.isEmpty() || first.get(0).seq() != seq) {
      throw new IllegalStateException("the request key of event " + seq + " names no clips export");
    }
    String exported = first.get(0).subjects().stream().filter(s -> s.kind().equals("incident")).map(SubjectKey::id)
        .findFirst().orElse("");
    if (!exported.equals(incidentId)) {
      throw RequestRefusal.invalid("request_id", "was used to export incident " + exported
          + "; a new export needs a new request_id");
    }
    int parts = Integer.parseInt(first.get(0).attributes().get("part").split("/")[1]);
    List<JournalEvent> events = journal.readAfter(seq - 1, EXPORTED, parts);
    Map<String, String> a = first.get(0).attributes();
    IncidentClips.Builder answer = IncidentClips.newBuilder().setIncidentId(incidentId).setJournalSeq(seq)
        .setWindowFrom(timestamp(Instant.parse(a.get("window_from"))))
        .setWindowTo(timestamp(Instant.parse(a.get("window_to"))));
    int clips = Integer.parseInt(a.get("clips"));
    for (int part = 0; part < parts; part++) {
      JournalEvent event = events.get(part);
      if (event.seq() != seq + part) {
        throw new IllegalStateException("the clips export of event " + seq + " misses its part " + (part + 1));
      }
      Map<String, String> attributes = event.attributes();
      for (int i = part * CLIPS_PER_EVENT; i < Math.min(clips, (part + 1) * CLIPS_PER_EVENT); i++) {
        String fileName = attributes.get("clip." + i + ".file");
        ClipExport.Builder file = ClipExport.newBuilder().setFileName(fileName)
            .setStart(timestamp(Instant.parse(attributes.get("clip." + i + ".start"))))
            .setEnd(timestamp(Instant.parse(attributes.get("clip." + i + ".end"))))
            .setBytes(Long.parseLong(attributes.get("clip." + i + ".bytes")));
        export.url(fileName, user)
            .ifPresent(url -> file.setUrl(url).setExpiresAt(timestamp(asked.plus(ticketLifetime))));
        String camera = attributes.get("clip." + i + ".camera");
        answer.addClips(IncidentCameraClip.newBuilder().setCameraId(camera).setCameraName(name(camera))
            .setProfile(attributes.get("clip." + i + ".profile")).setClip(file)
            .setSha256(attributes.get("clip." + i + ".sha256")));
      }
      for (String camera : listed(attributes.get("without_recording"))) {
        answer.addWithoutClip(without(camera, ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING));
      }
      for (String camera : listed(attributes.get("recording_unreadable"))) {
        answer.addWithoutClip(without(camera, ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE));
      }
    }
    return answer.build();
  }

  private CameraWithoutClip without(String camera, ClipMissingReason reason) {
    return CameraWithoutClip.newBuilder().setCameraId(camera).setCameraName(name(camera)).setReason(reason).build();
  }

  private static List<String> listed(String cameras) {
    return cameras == null || cameras.isEmpty() ? List.of() : List.of(cameras.split(","));
  }

  /**
   * One event per {@link #CLIPS_PER_EVENT} clips and {@link #MAX_WITHOUT_LISTED} cameras without one (at least one),
   * appended together: everything a repeat of the request answers.
   */
  private List<NewEvent> events(IncidentClips.Builder answer, String user) {
    Instant at = clock.instant();
    String incidentId = answer.getIncidentId();
    List<IncidentCameraClip> clips = answer.getClipsList();
    List<CameraWithoutClip> without = answer.getWithoutClipList();
    int parts = Math.max(1, Math.max(ceilDiv(clips.size(), CLIPS_PER_EVENT), ceilDiv(without.size(),
        MAX_WITHOUT_LISTED)));
    long unreadable = without.stream()
        .filter(c -> c.getReason() == ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE).count();
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
        attributes.put("clip." + i + ".profile", clip.getProfile());
        attributes.put("clip." + i + ".file", clip.getClip().getFileName());
        attributes.put("clip." + i + ".start", instant(clip.getClip().getStart()).toString());
        attributes.put("clip." + i + ".end", instant(clip.getClip().getEnd()).toString());
        attributes.put("clip." + i + ".bytes", Long.toString(clip.getClip().getBytes()));
        attributes.put("clip." + i + ".sha256", clip.getSha256());
      }
      List<CameraWithoutClip> listed = without.subList(Math.min(without.size(), part * MAX_WITHOUT_LISTED),
          Math.min(without.size(), (part + 1) * MAX_WITHOUT_LISTED));
      putCameras(attributes, "without_recording", listed, ClipMissingReason.CLIP_MISSING_REASON_NO_RECORDING);
      putCameras(attributes, "recording_unreadable", listed,
          ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE);
      long notRecorded = without.size() - unreadable;
      String summary = clips.size() + " clips of incident " + incidentId + " exported by " + user
          + (notRecorded == 0 ? "" : ", " + notRecorded + " cameras without recording")
          + (unreadable == 0 ? "" : ", " + unreadable + " cameras with unreadable recording")
          + (parts > 1 ? " (part " + (part + 1) + " of " + parts + ")" : "");
      events.add(new NewEvent(at, EXPORTED_EVENT,
          List.of(new SubjectKey("incident", incidentId), new SubjectKey("user", user)), Optional.empty(), summary,
          attributes));
    }
    return events;
  }

  private static void putCameras(Map<String, String> attributes, String name, List<CameraWithoutClip> cameras,
      ClipMissingReason reason) {
    List<String> ids = cameras.stream().filter(c -> c.getReason() == reason).map(CameraWithoutClip::getCameraId)
        .toList();
    if (!ids.isEmpty()) {
      attributes.put(name, String.join(",", ids));
    }
  }

  private static int ceilDiv(int n, int d) {
    return (n + d - 1) / d;
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
