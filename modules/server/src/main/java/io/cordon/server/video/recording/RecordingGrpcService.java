package io.cordon.server.video.recording;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.AlarmEvidence;
import io.cordon.api.v1.CameraEvidence;
import io.cordon.api.v1.ClipExport;
import io.cordon.api.v1.ExportClipRequest;
import io.cordon.api.v1.GetAlarmEvidenceRequest;
import io.cordon.api.v1.ListSegmentsRequest;
import io.cordon.api.v1.RecordingServiceGrpc;
import io.cordon.api.v1.ReleaseEvidenceRequest;
import io.cordon.api.v1.SegmentList;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.media.record.ClipExporter;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code RecordingService}: the segment index, alarm evidence, clip exports and evidence release. */
final class RecordingGrpcService extends RecordingServiceGrpc.RecordingServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingGrpcService.class);
  static final Duration MAX_RANGE = Duration.ofHours(24);

  private final Park park;
  private final DatabaseSegmentCatalog catalog;
  private final AlarmEvidenceBook evidence;
  private final StreamProfile recordedProfile;
  private final Optional<RelayLinks> links;
  private final EventJournal journal;
  private final Clock clock;

  RecordingGrpcService(Park park, DatabaseSegmentCatalog catalog, AlarmEvidenceBook evidence,
      StreamProfile recordedProfile, Optional<RelayLinks> links, EventJournal journal, Clock clock) {
    this.park = park;
    this.catalog = catalog;
    this.evidence = evidence;
    this.recordedProfile = recordedProfile;
    this.links = links;
    this.journal = journal;
    this.clock = clock;
  }

  /** A checked camera range, or the status to answer with. */
  private record Range(String cameraId, StreamProfile profile, Instant from, Instant to) {}

  private static final class Refused extends Exception {
    final RuntimeException status;

    Refused(RuntimeException status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void listSegments(ListSegmentsRequest request, StreamObserver<SegmentList> response) {
    try {
      Range range = range(request.getCameraId(), request.getProfile(), request.hasFrom(), request.getFrom(),
          request.hasTo(), request.getTo());
      List<RecordedSegment> found = catalog.segments(range.cameraId(), range.profile(), range.from(), range.to());
      response.onNext(SegmentList.newBuilder().addAllSegments(protos(found)).build());
      response.onCompleted();
    } catch (Refused r) {
      response.onError(r.status);
    }
  }

  @Override
  public void getAlarmEvidence(GetAlarmEvidenceRequest request, StreamObserver<AlarmEvidence> response) {
    evidence.syncOne(request.getAlarmId()); // an alarm raised a moment ago is known at once
    Optional<io.cordon.server.video.recording.AlarmEvidence> found = evidence.find(request.getAlarmId());
    if (found.isEmpty()) {
      response.onError(refusal(Code.NOT_FOUND, "alarm_id", "is not an alarm of this server"));
      return;
    }
    response.onNext(proto(found.get()));
    response.onCompleted();
  }

  @Override
  public void releaseEvidence(ReleaseEvidenceRequest request, StreamObserver<AlarmEvidence> response) {
    if (request.getReason().isBlank() || request.getReason().length() > 400) {
      response.onError(refusal(Code.INVALID_ARGUMENT, "reason", "is required, at most 400 characters"));
      return;
    }
    evidence.syncOne(request.getAlarmId());
    String user = user();
    Optional<io.cordon.server.video.recording.AlarmEvidence> before = evidence.find(request.getAlarmId());
    if (before.isEmpty()) {
      response.onError(refusal(Code.NOT_FOUND, "alarm_id", "is not an alarm of this server"));
      return;
    }
    Instant now = clock.instant();
    io.cordon.server.video.recording.AlarmEvidence after =
        evidence.release(request.getAlarmId(), user, request.getReason().strip(), now).orElseThrow();
    if (!before.get().released()) {
      journal.append(new NewEvent(now, "recording.evidence_released",
          List.of(new SubjectKey("alarm", request.getAlarmId()), new SubjectKey("user", user)), Optional.empty(),
          "video evidence of alarm " + request.getAlarmId() + " released by " + user + ": " + clip(request.getReason()),
          Map.of("alarm_id", request.getAlarmId(), "by", user, "reason", clip(request.getReason()))));
    }
    response.onNext(proto(after));
    response.onCompleted();
  }

  @Override
  public void exportClip(ExportClipRequest request, StreamObserver<ClipExport> response) {
    try {
      Range range = range(request.getCameraId(), request.getProfile(), request.hasFrom(), request.getFrom(),
          request.hasTo(), request.getTo());
      if (links.isEmpty()) {
        response.onError(Status.UNAVAILABLE.withDescription("no media relay runs on this server").asRuntimeException());
        return;
      }
      List<RecordedSegment> segments = catalog.segments(range.cameraId(), range.profile(), range.from(), range.to());
      if (segments.isEmpty()) {
        response.onError(refusal(Code.NOT_FOUND, "from", "no recording of this camera in the range"));
        return;
      }
      String name = fileName(range, request.getRequestId());
      ClipExporter.Clip clip = new ClipExporter(links.get().exportsDir()).export(segments, range.from(), range.to(),
          name);
      Instant expires = clock.instant().plus(RelayLinks.TICKET_LIFETIME);
      response.onNext(ClipExport.newBuilder()
          .setUrl(links.get().export(name, user()))
          .setExpiresAt(timestamp(expires))
          .setStart(timestamp(clip.start()))
          .setEnd(timestamp(clip.end()))
          .setBytes(clip.bytes())
          .setFileName(name)
          .build());
      response.onCompleted();
    } catch (Refused r) {
      response.onError(r.status);
    } catch (IOException e) {
      LOG.error("export of {} failed", request.getCameraId(), e);
      response.onError(Status.INTERNAL.withDescription("the clip could not be written").asRuntimeException());
    }
  }

  private Range range(String cameraId, String profileName, boolean hasFrom, Timestamp fromTs, boolean hasTo,
      Timestamp toTs) throws Refused {
    if (park.camera(new CameraId(cameraId)).isEmpty()) {
      throw new Refused(refusal(Code.NOT_FOUND, "camera_id", "is not a camera of the park"));
    }
    Optional<StreamProfile> profile = profileName.isEmpty() ? Optional.of(recordedProfile)
        : StreamProfile.fromUrlName(profileName);
    if (profile.isEmpty()) {
      throw new Refused(refusal(Code.INVALID_ARGUMENT, "profile", "must be main or sub"));
    }
    if (!hasFrom) {
      throw new Refused(refusal(Code.INVALID_ARGUMENT, "from", "is required"));
    }
    if (!hasTo) {
      throw new Refused(refusal(Code.INVALID_ARGUMENT, "to", "is required"));
    }
    Instant from = Instant.ofEpochSecond(fromTs.getSeconds(), fromTs.getNanos());
    Instant to = Instant.ofEpochSecond(toTs.getSeconds(), toTs.getNanos());
    if (!from.isBefore(to)) {
      throw new Refused(refusal(Code.INVALID_ARGUMENT, "to", "must be after from"));
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new Refused(refusal(Code.INVALID_ARGUMENT, "to", "must be at most 24 h after from"));
    }
    return new Range(cameraId, profile.get(), from, to);
  }

  private io.cordon.api.v1.AlarmEvidence proto(io.cordon.server.video.recording.AlarmEvidence e) {
    io.cordon.api.v1.AlarmEvidence.Builder out = io.cordon.api.v1.AlarmEvidence.newBuilder()
        .setAlarmId(e.alarmId())
        .setRaisedAt(timestamp(e.raisedAt()))
        .setFrom(timestamp(e.from()))
        .setReleased(e.released())
        .setReleasedBy(e.releasedBy())
        .setReleaseReason(e.releaseReason());
    e.closedAt().ifPresent(at -> out.setClosedAt(timestamp(at)));
    e.releasedAt().ifPresent(at -> out.setReleasedAt(timestamp(at)));
    Instant until = e.closedAt().orElse(clock.instant());
    String user = user();
    for (String camera : e.cameraIds()) {
      CameraEvidence.Builder c = CameraEvidence.newBuilder().setCameraId(camera)
          .addAllSegments(protos(catalog.covering(camera, e.from(), until)));
      links.ifPresent(l -> c.setPlaybackUrl(l.playback(camera, recordedProfile, e.from(), user)));
      out.addCameras(c);
    }
    return out.build();
  }

  private List<io.cordon.api.v1.RecordedSegment> protos(List<RecordedSegment> segments) {
    Map<Path, List<String>> protectors = catalog.protectors(segments);
    return segments.stream().map(s -> io.cordon.api.v1.RecordedSegment.newBuilder()
        .setCameraId(s.cameraId())
        .setProfile(s.profile().urlName())
        .setStart(timestamp(s.start()))
        .setEnd(timestamp(s.end()))
        .setBytes(s.bytes())
        .addAllProtectedBy(protectors.getOrDefault(s.path(), List.of()))
        .build()).toList();
  }

  /** The same request id names the same file (a repeated export overwrites it with the same clip). */
  private static String fileName(Range range, String requestId) {
    String key = requestId.isBlank() ? java.util.UUID.randomUUID().toString() : requestId;
    String camera = range.cameraId().replaceAll("[^A-Za-z0-9_-]", "_");
    String from = range.from().toString().replaceAll("[^0-9TZ]", "");
    return "clip-" + camera + "-" + from + "-" + hash(range + "|" + key) + ".ts";
  }

  private static String hash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String user() {
    return AuthContext.currentUser().map(AuthenticatedUser::username).orElse("");
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  private static RuntimeException refusal(Code code, String field, String description) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(field + " " + description)
        .addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder()
            .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description))
            .build()))
        .build());
  }
}
