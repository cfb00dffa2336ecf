package io.cordon.server.video;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.CameraStreamList;
import io.cordon.api.v1.CameraVideoStreams;
import io.cordon.api.v1.ListStreamsRequest;
import io.cordon.api.v1.OpenStreamRequest;
import io.cordon.api.v1.StreamGrant;
import io.cordon.api.v1.StreamInfo;
import io.cordon.api.v1.VideoServiceGrpc;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code VideoService}: which streams each camera has, and a ticketed relay URL to play one. Camera
 * addresses and credentials stay in the {@link CameraStreams} registry; clients only get relay URLs.
 */
public final class VideoGrpcService extends VideoServiceGrpc.VideoServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(VideoGrpcService.class);

  private final Park park;
  private final CameraStreams registry;
  private final Optional<StreamGrants> grants;

  /** @param grants empty when no media relay runs (OpenStream answers UNAVAILABLE) */
  public VideoGrpcService(Park park, CameraStreams registry, Optional<StreamGrants> grants) {
    this.park = park;
    this.registry = registry;
    this.grants = grants;
  }

  @Override
  public void listStreams(ListStreamsRequest request, StreamObserver<CameraStreamList> responseObserver) {
    CameraStreamList.Builder list = CameraStreamList.newBuilder();
    for (Camera camera : park.cameras()) {
      CameraVideoStreams.Builder streams = CameraVideoStreams.newBuilder().setCameraId(camera.id().value());
      registry.streams(camera.id().value()).forEach(s -> streams.addStreams(info(s)));
      list.addCameras(streams);
    }
    responseObserver.onNext(list.build());
    responseObserver.onCompleted();
  }

  @Override
  public void openStream(OpenStreamRequest request, StreamObserver<StreamGrant> responseObserver) {
    if (park.camera(new CameraId(request.getCameraId())).isEmpty()) {
      responseObserver.onError(notFound("camera_id", "is not a camera of the park"));
      return;
    }
    Optional<CameraStream> stream = StreamProfile.fromUrlName(request.getProfile())
        .flatMap(profile -> registry.find(request.getCameraId(), profile));
    if (stream.isEmpty()) {
      String known = String.join(", ", registry.streams(request.getCameraId()).stream()
          .map(s -> s.profile().urlName()).toList());
      responseObserver.onError(notFound("profile", known.isEmpty() ? "the camera has no stream configured"
          : "the camera has no such stream (it has: " + known + ")"));
      return;
    }
    if (grants.isEmpty()) {
      responseObserver.onError(Status.UNAVAILABLE.withDescription("no media relay runs on this server")
          .asRuntimeException());
      return;
    }
    String user = AuthContext.currentUser().map(AuthenticatedUser::username).orElse("");
    StreamGrants.Grant grant;
    try {
      grant = grants.get().grant(stream.get(), user);
    } catch (RuntimeException e) {
      log.warn("Cannot grant {} to {}", stream.get(), user, e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("the media relay cannot serve this stream now")
          .asRuntimeException());
      return;
    }
    responseObserver.onNext(StreamGrant.newBuilder()
        .setUrl(grant.url())
        .setExpiresAt(Timestamp.newBuilder().setSeconds(grant.expiresAt().getEpochSecond())
            .setNanos(grant.expiresAt().getNano()))
        .setStream(info(stream.get()))
        .build());
    responseObserver.onCompleted();
  }

  private static StreamInfo info(CameraStream source) {
    StreamInfo.Builder info = StreamInfo.newBuilder().setProfile(source.profile().urlName());
    source.resolution().ifPresent(r -> info.setWidth(r.width()).setHeight(r.height()));
    return info.build();
  }

  private static RuntimeException notFound(String field, String description) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.NOT_FOUND.getNumber())
        .setMessage(field + " " + description)
        .addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder()
            .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description))
            .build()))
        .build());
  }
}
