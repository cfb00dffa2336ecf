package io.cordon.client.timeline;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TimelineServiceGrpc;
import io.cordon.client.connection.ServerConnection;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The supervisor's side of {@code TimelineService}: a window's timeline and the positions under its
 * cursor. Blocking stubs on the background executor, each call with a deadline; a failure
 * completes the future with the {@code StatusRuntimeException}.
 */
public final class TimelineClient {
  /** A day of journal events and thinned tracks takes the server and the wire a while. */
  public static final Duration TIMELINE_DEADLINE = Duration.ofSeconds(30);
  /** One fix per vehicle at one moment: answered at once. */
  public static final Duration POSITIONS_DEADLINE = ServerConnection.CALL_DEADLINE;

  private final Channel channel;
  private final CallCredentials credentials;
  private final Executor background;

  /** @param credentials added to every call; null for a server without authentication (tests) */
  public TimelineClient(Channel channel, CallCredentials credentials, Executor background) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.credentials = credentials;
    this.background = Objects.requireNonNull(background, "background");
  }

  /** Over the client's signed-in connection. */
  public static TimelineClient over(ServerConnection connection) {
    return new TimelineClient(connection.channel(), connection.callCredentials(), connection.executors().background());
  }

  public CompletableFuture<Timeline> getTimeline(TimelineRequest request) {
    return call(() -> stub(TIMELINE_DEADLINE).getTimeline(request));
  }

  public CompletableFuture<PositionsAt> getPositionsAt(PositionsAtRequest request) {
    return call(() -> stub(POSITIONS_DEADLINE).getPositionsAt(request));
  }

  private <T> CompletableFuture<T> call(Supplier<T> rpc) {
    return CompletableFuture.supplyAsync(rpc, background);
  }

  private TimelineServiceGrpc.TimelineServiceBlockingStub stub(Duration deadline) {
    TimelineServiceGrpc.TimelineServiceBlockingStub stub =
        TimelineServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    return credentials == null ? stub : stub.withCallCredentials(credentials);
  }

  public static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
