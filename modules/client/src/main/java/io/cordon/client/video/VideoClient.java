package io.cordon.client.video;

import io.cordon.api.v1.CameraVideoStreams;
import io.cordon.api.v1.ListStreamsRequest;
import io.cordon.api.v1.OpenStreamRequest;
import io.cordon.api.v1.VideoServiceGrpc;
import io.cordon.client.connection.ServerConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * VideoService over the client's connection: the cameras' streams, and a ticketed relay URL for one
 * of them, asked again on every (re)connect because tickets expire. Calls run on the connection's
 * background executor with {@link ServerConnection#CALL_DEADLINE}.
 */
public final class VideoClient {

  private final ServerConnection connection;

  public VideoClient(ServerConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** Every camera's streams (profiles and sizes, smallest first). */
  public CompletableFuture<List<CameraVideoStreams>> listStreams() {
    return call(stub -> stub.listStreams(ListStreamsRequest.getDefaultInstance()).getCamerasList());
  }

  /**
   * A relay URL to play; fails with {@link StreamRefusedException} saying why in words the operator
   * can act on (no such stream, no relay, not allowed, server unreachable).
   */
  public CompletableFuture<URI> open(String cameraId, String profile) {
    return call(stub -> URI.create(stub.openStream(OpenStreamRequest.newBuilder().setCameraId(cameraId)
        .setProfile(profile).build()).getUrl()));
  }

  private <T> CompletableFuture<T> call(Function<VideoServiceGrpc.VideoServiceBlockingStub, T> rpc) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return rpc.apply(VideoServiceGrpc.newBlockingStub(connection.channel())
            .withCallCredentials(connection.callCredentials())
            .withDeadlineAfter(ServerConnection.CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
      } catch (StatusRuntimeException e) {
        throw new CompletionException(new StreamRefusedException(reason(e.getStatus()), e));
      }
    }, connection.executors().background());
  }

  /** A short reason for the tile's overlay. */
  static String reason(Status status) {
    switch (status.getCode()) {
      case NOT_FOUND:
        return "no such stream: " + status.getDescription();
      case UNAVAILABLE:
        return "server or relay unavailable" + (status.getDescription() == null ? "" : ": " + status.getDescription());
      case PERMISSION_DENIED:
        return "not allowed to view video";
      case UNAUTHENTICATED:
        return "signed out";
      case DEADLINE_EXCEEDED:
        return "server did not answer in time";
      default:
        return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    }
  }

  /** The server would not give a stream URL. */
  public static final class StreamRefusedException extends RuntimeException {
    public StreamRefusedException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
