package io.cordon.client.track;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.GetParkingLotRequest;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.ListTripsRequest;
import io.cordon.api.v1.ParkingLotState;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.api.v1.TripList;
import io.cordon.api.v1.TripServiceGrpc;
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
 * The operator's reading side of {@code TripService}: the vehicle panel, trajectory replay, trips
 * and the hazmat parking lot. Blocking stubs run on the background executor, each call with a
 * deadline; a failure completes the future with the {@code StatusRuntimeException}.
 */
public final class TripClient {
  /** A vehicle panel or a trip list answers from memory and the database at once. */
  public static final Duration CALL_DEADLINE = ServerConnection.CALL_DEADLINE;
  /** A day of fixes (up to 20,000 points) takes the server and the wire a little longer. */
  public static final Duration TRAJECTORY_DEADLINE = Duration.ofSeconds(20);

  private final Channel channel;
  private final CallCredentials credentials;
  private final Executor background;

  /** @param credentials added to every call; null for a server without authentication (tests) */
  public TripClient(Channel channel, CallCredentials credentials, Executor background) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.credentials = credentials;
    this.background = Objects.requireNonNull(background, "background");
  }

  /** Over the client's signed-in connection. */
  public static TripClient over(ServerConnection connection) {
    return new TripClient(connection.channel(), connection.callCredentials(), connection.executors().background());
  }

  /** The vehicle panel; {@code plate} may be "终端:&lt;number&gt;" for an unbound terminal. */
  public CompletableFuture<io.cordon.api.v1.TrackedVehicle> getVehicle(String plate) {
    GetTrackedVehicleRequest request = GetTrackedVehicleRequest.newBuilder().setPlate(plate).build();
    return call(() -> stub(CALL_DEADLINE).getVehicle(request));
  }

  /** The stored fixes of a vehicle in [from, to) with the events along them. */
  public CompletableFuture<Trajectory> getTrajectory(String plate, Instant from, Instant to, int maxPoints) {
    TrajectoryRequest request = TrajectoryRequest.newBuilder()
        .setPlate(plate).setFrom(timestamp(from)).setTo(timestamp(to)).setMaxPoints(maxPoints).build();
    return call(() -> stub(TRAJECTORY_DEADLINE).getTrajectory(request));
  }

  public CompletableFuture<TripList> listTrips(ListTripsRequest request) {
    return call(() -> stub(CALL_DEADLINE).listTrips(request));
  }

  /** @param lotId empty for the park's first lot */
  public CompletableFuture<ParkingLotState> getParkingLot(String lotId) {
    GetParkingLotRequest request = GetParkingLotRequest.newBuilder().setLotId(lotId).build();
    return call(() -> stub(CALL_DEADLINE).getParkingLot(request));
  }

  private <T> CompletableFuture<T> call(Supplier<T> rpc) {
    return CompletableFuture.supplyAsync(rpc, background);
  }

  private TripServiceGrpc.TripServiceBlockingStub stub(Duration deadline) {
    TripServiceGrpc.TripServiceBlockingStub stub =
        TripServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    return credentials == null ? stub : stub.withCallCredentials(credentials);
  }

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
