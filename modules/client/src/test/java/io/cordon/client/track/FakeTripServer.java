package io.cordon.client.track;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.GetTrackedVehicleRequest;
import io.cordon.api.v1.Trajectory;
import io.cordon.api.v1.TrajectoryRequest;
import io.cordon.api.v1.TripServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TripService of the test's making on a loopback Netty port (the real one is the server's), with
 * a client over a real channel. Answers what the test put in for a plate; a plate can be held
 * until the test releases it, to see answers arrive out of order.
 */
final class FakeTripServer implements AutoCloseable {
  final Map<String, io.cordon.api.v1.TrackedVehicle> vehicles = new ConcurrentHashMap<>();
  final Map<String, Trajectory> trajectories = new ConcurrentHashMap<>();
  final Map<String, StatusRuntimeException> failures = new ConcurrentHashMap<>();
  final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  final List<TrajectoryRequest> trajectoryRequests = new CopyOnWriteArrayList<>();
  final ExecutorService background = Executors.newFixedThreadPool(2);
  private final Server server;
  private final ManagedChannel channel;
  final TripClient client;

  FakeTripServer() {
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service()).build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    client = new TripClient(channel, null, background);
  }

  private final class Service extends TripServiceGrpc.TripServiceImplBase {
    @Override
    public void getVehicle(GetTrackedVehicleRequest request,
        StreamObserver<io.cordon.api.v1.TrackedVehicle> answer) {
      String plate = request.getPlate();
      awaitRelease(plate);
      StatusRuntimeException failure = failures.get(plate);
      io.cordon.api.v1.TrackedVehicle vehicle = vehicles.get(plate);
      if (failure != null) {
        answer.onError(failure);
      } else if (vehicle == null) {
        answer.onError(Status.NOT_FOUND.withDescription("no vehicle " + plate).asRuntimeException());
      } else {
        answer.onNext(vehicle);
        answer.onCompleted();
      }
    }

    @Override
    public void getTrajectory(TrajectoryRequest request, StreamObserver<Trajectory> answer) {
      trajectoryRequests.add(request);
      awaitRelease(request.getPlate());
      StatusRuntimeException failure = failures.get(request.getPlate());
      if (failure != null) {
        answer.onError(failure);
        return;
      }
      answer.onNext(trajectories.getOrDefault(request.getPlate(),
          Trajectory.newBuilder().setPlate(request.getPlate()).build()));
      answer.onCompleted();
    }
  }

  /** Holds answers for the plate until {@link #release}. */
  void hold(String plate) {
    held.put(plate, new CountDownLatch(1));
  }

  void release(String plate) {
    CountDownLatch latch = held.remove(plate);
    if (latch != null) {
      latch.countDown();
    }
  }

  private void awaitRelease(String plate) {
    CountDownLatch latch = held.get(plate);
    if (latch != null) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static Timestamp ts(Instant t) {
    return TripClient.timestamp(t);
  }

  @Override
  public void close() throws InterruptedException {
    held.values().forEach(CountDownLatch::countDown);
    channel.shutdownNow();
    server.shutdownNow();
    background.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }
}
