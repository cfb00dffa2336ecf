package io.cordon.server.track;

import io.cordon.api.v1.LiveTrackRequest;
import io.cordon.api.v1.LiveTrackUpdate;
import io.cordon.api.v1.TrackServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code TrackService}: live vehicle positions. One ticker thread, every {@link
 * TrackSettings#flushInterval()}, drops silent vehicles from the view and lets each open stream
 * send what changed; with 2,000 vehicles at 1 Hz that is one small message per client per tick.
 */
public final class TrackGrpcService extends TrackServiceGrpc.TrackServiceImplBase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TrackGrpcService.class);

  private final LiveVehiclePositions live;
  private final Clock clock;
  private final Set<LiveTrackStream> streams = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticker;

  public TrackGrpcService(LiveVehiclePositions live, Clock clock) {
    this.live = live;
    this.clock = clock;
    this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cordon-live-track");
      thread.setDaemon(true);
      return thread;
    });
    long interval = live.settings().flushInterval().toMillis();
    ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void subscribeLive(LiveTrackRequest request, StreamObserver<LiveTrackUpdate> responseObserver) {
    LiveTrackStream stream = new LiveTrackStream((ServerCallStreamObserver<LiveTrackUpdate>) responseObserver,
        live, clock);
    stream.start();
    streams.add(stream);
  }

  /** Open streams (for tests). */
  int openStreams() {
    return streams.size();
  }

  private void tick() {
    try {
      live.expire();
      for (LiveTrackStream stream : streams) {
        if (!stream.tick()) {
          streams.remove(stream);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Live track tick failed", e); // a thrown exception would cancel the schedule
    }
  }

  /** Ends every live stream with UNAVAILABLE, so clients reconnect (to this or another node). */
  public void endStreams() {
    Status status = Status.UNAVAILABLE.withDescription("server shutting down; subscribe again");
    try {
      ticker.submit(() -> {
        for (LiveTrackStream stream : List.copyOf(streams)) {
          stream.end(status);
          streams.remove(stream);
        }
      }).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
      log.warn("Could not end the live track streams in time", e);
    }
  }

  /** Ends the streams and stops the ticker. */
  @Override
  public void close() {
    endStreams();
    ticker.shutdownNow();
  }
}
