package io.cordon.server.track;

import io.cordon.api.v1.LiveTrackUpdate;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SubscribeLive stream. It holds a version cursor into {@link LiveVehiclePositions}, not a
 * queue: each tick it sends what changed since the cursor, but only while the transport is
 * ready, so a slow client costs at most one message in flight. What it misses meanwhile merges
 * into one cumulative update (the latest fix per vehicle); when the removals it missed are no
 * longer remembered it gets a fresh snapshot instead. Only the ticker thread touches the observer.
 */
final class LiveTrackStream {

  private static final Logger log = LoggerFactory.getLogger(LiveTrackStream.class);

  private final ServerCallStreamObserver<LiveTrackUpdate> observer;
  private final LiveVehiclePositions live;
  private final Clock clock;
  private volatile boolean cancelled;
  // ticker thread only
  private boolean finished;
  /** The version the client has; -1 until the first snapshot is under way. */
  private long cursor = -1;
  private Iterator<List<LiveVehicle>> snapshotParts;

  LiveTrackStream(ServerCallStreamObserver<LiveTrackUpdate> observer, LiveVehiclePositions live, Clock clock) {
    this.observer = observer;
    this.live = live;
    this.clock = clock;
  }

  /** Must run inside the SubscribeLive call. */
  void start() {
    observer.setOnCancelHandler(() -> cancelled = true);
  }

  /**
   * Sends what is due now, if the transport takes it.
   *
   * @return false once the stream is over and can be forgotten
   */
  boolean tick() {
    if (cancelled || finished) {
      return false;
    }
    try {
      if (!observer.isReady()) {
        return true;
      }
      if (snapshotParts == null) {
        Optional<LiveVehiclePositions.Changes> changes = cursor < 0 ? Optional.empty() : live.changesSince(cursor);
        if (changes.isEmpty()) {
          beginSnapshot();
        } else {
          if (!changes.get().isEmpty()) {
            observer.onNext(update(changes.get()));
          }
          cursor = changes.get().version();
          return true;
        }
      }
      sendSnapshotParts();
      return true;
    } catch (RuntimeException e) {
      log.warn("A live track stream failed", e);
      end(Status.UNAVAILABLE.withDescription("live track stream interrupted; subscribe again"));
      return false;
    }
  }

  /** Ends the stream with a status (ticker thread only). */
  void end(Status status) {
    if (finished) {
      return;
    }
    finished = true;
    if (!cancelled) {
      try {
        observer.onError(status.asRuntimeException());
      } catch (RuntimeException alreadyClosed) {
        // the call is gone already
      }
    }
  }

  private void beginSnapshot() {
    LiveVehiclePositions.Snapshot snapshot = live.snapshot();
    cursor = snapshot.version();
    int chunk = live.settings().snapshotChunk();
    List<LiveVehicle> vehicles = snapshot.vehicles();
    List<List<LiveVehicle>> parts = new java.util.ArrayList<>();
    for (int from = 0; from < vehicles.size(); from += chunk) {
      parts.add(vehicles.subList(from, Math.min(vehicles.size(), from + chunk)));
    }
    if (parts.isEmpty()) {
      parts.add(List.of());
    }
    snapshotParts = parts.iterator();
  }

  private void sendSnapshotParts() {
    while (snapshotParts.hasNext() && observer.isReady() && !cancelled) {
      List<LiveVehicle> part = snapshotParts.next();
      LiveTrackUpdate.Builder message = header().setSnapshot(true).setSnapshotEnd(!snapshotParts.hasNext());
      part.forEach(vehicle -> message.addVehicles(TrackMessages.toProto(vehicle)));
      observer.onNext(message.build());
    }
    if (!snapshotParts.hasNext()) {
      snapshotParts = null;
    }
  }

  private LiveTrackUpdate update(LiveVehiclePositions.Changes changes) {
    LiveTrackUpdate.Builder message = header().addAllRemovedPlates(changes.removed());
    changes.moved().forEach(vehicle -> message.addVehicles(TrackMessages.toProto(vehicle)));
    return message.build();
  }

  private LiveTrackUpdate.Builder header() {
    TrackSettings settings = live.settings();
    return LiveTrackUpdate.newBuilder()
        .setServerTime(TrackMessages.timestamp(clock.instant()))
        .setTrailSeconds((int) settings.trailWindow().toSeconds())
        .setStaleAfterSeconds((int) settings.staleAfter().toSeconds());
  }
}
