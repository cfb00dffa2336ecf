package io.cordon.client.video;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AlarmEvidence;
import io.cordon.api.v1.GetAlarmEvidenceRequest;
import io.cordon.api.v1.ListSegmentsRequest;
import io.cordon.api.v1.RecordedSegment;
import io.cordon.api.v1.RecordingServiceGrpc;
import io.cordon.client.connection.ServerConnection;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * RecordingService over the client's connection, for playback: what is recorded of a camera, an alarm's
 * evidence, and a ticketed relay URL playing a camera's recording from an instant. The server records one
 * profile per camera ({@code recording.profile}, main by default); {@link #profile()} is the one asked for.
 * Calls run on the connection's background executor with {@link ServerConnection#CALL_DEADLINE}.
 */
public final class RecordingClient {
  /** ListSegments allows at most 24 h per call. */
  static final Duration MAX_RANGE = Duration.ofHours(24);

  private final ServerConnection connection;
  private final VideoClient video;
  private volatile String profile;

  public RecordingClient(ServerConnection connection, VideoClient video, String recordedProfile) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.video = Objects.requireNonNull(video, "video");
    this.profile = Objects.requireNonNull(recordedProfile, "recordedProfile");
  }

  /** The recorded profile asked for ("main" unless told otherwise, e.g. by an evidence URL). */
  public String profile() {
    return profile;
  }

  /** The recorded segments of {@code cameraId} overlapping {@code [from, to)}, oldest first (24 h at a time). */
  public CompletableFuture<List<RecordedSegment>> segments(String cameraId, Instant from, Instant to) {
    return call(stub -> {
      List<RecordedSegment> all = new ArrayList<>();
      for (Instant a = from; a.isBefore(to); a = a.plus(MAX_RANGE)) {
        Instant b = a.plus(MAX_RANGE).isBefore(to) ? a.plus(MAX_RANGE) : to;
        all.addAll(stub.withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .listSegments(ListSegmentsRequest.newBuilder().setCameraId(cameraId).setProfile(profile)
                .setFrom(timestamp(a)).setTo(timestamp(b)).build()).getSegmentsList());
      }
      return all;
    });
  }

  /** An alarm's evidence: raised time, pre-alarm start (raised − 60 s), cameras with their playback URLs. */
  public CompletableFuture<AlarmEvidence> evidence(String alarmId) {
    return call(stub -> {
      AlarmEvidence evidence = stub.withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .getAlarmEvidence(GetAlarmEvidenceRequest.newBuilder().setAlarmId(alarmId).build());
      evidence.getCamerasList().stream().map(c -> c.getPlaybackUrl()).filter(u -> !u.isEmpty()).findFirst()
          .flatMap(u -> PlaybackLinks.profileOf(URI.create(u))).ifPresent(p -> profile = p);
      return evidence;
    });
  }

  /** A relay URL that plays {@code cameraId}'s recording from {@code from} (a fresh ticket each time). */
  public CompletableFuture<URI> playbackUrl(String cameraId, Instant from) {
    return video.open(cameraId, profile).thenApply(live -> PlaybackLinks.fromLive(live, from));
  }

  static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  /** The instant of a protobuf timestamp. */
  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private <T> CompletableFuture<T> call(Function<RecordingServiceGrpc.RecordingServiceBlockingStub, T> rpc) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return rpc.apply(RecordingServiceGrpc.newBlockingStub(connection.channel())
            .withCallCredentials(connection.callCredentials())
            .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
      } catch (StatusRuntimeException e) {
        throw new CompletionException(new VideoClient.StreamRefusedException(VideoClient.reason(e.getStatus()), e));
      }
    }, connection.executors().background());
  }
}
