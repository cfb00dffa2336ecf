package io.cordon.client.track;

import io.cordon.api.v1.LiveTrackRequest;
import io.cordon.api.v1.LiveTrackUpdate;
import io.cordon.api.v1.TrackServiceGrpc;
import io.cordon.api.v1.VehiclePosition;
import io.cordon.api.v1.VehicleTrack;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerConnection;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code TrackService.SubscribeLive} stream open and writes what arrives into a {@link
 * LiveVehicleStore}, on the stream's own thread (the store is thread-safe; the map polls it). When
 * the stream breaks it reports {@link ConnectionState#RECONNECTING} and subscribes again with
 * backoff, with the session it has (sessions outlive a server restart); only when the server
 * answers UNAUTHENTICATED does it sign in again, since every sign-in costs the server a
 * deliberately slow password check. The server's first message is a fresh snapshot, so nothing
 * needs resuming. Meanwhile the store keeps the last positions until they go stale. The trail
 * length and the stale interval follow what the server says in each message. State changes reach
 * listeners on the UI executor.
 */
public final class LiveTrackFeed implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveTrackFeed.class);
  private static final long EXPIRE_EVERY_MILLIS = 1_000;

  private final ServerConnection connection;
  private final LiveVehicleStore store;
  private final Backoff backoff;
  private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();

  private final Object lock = new Object();
  // guarded by lock
  private int generation;
  private boolean started;
  private boolean closed;
  private boolean inSnapshot;
  private ConnectionState state = ConnectionState.DISCONNECTED;
  private ClientCallStreamObserver<LiveTrackRequest> currentCall;
  private ScheduledFuture<?> expiry;

  public LiveTrackFeed(ServerConnection connection, LiveVehicleStore store) {
    this(connection, store, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5)));
  }

  public LiveTrackFeed(ServerConnection connection, LiveVehicleStore store, Backoff backoff) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.store = Objects.requireNonNull(store, "store");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** Called on the UI executor with every change of the stream's state. */
  public void addStateListener(Consumer<ConnectionState> listener) {
    stateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public LiveVehicleStore store() {
    return store;
  }

  /** Starts the stream; call once, after signing in. */
  public void start() {
    int gen;
    synchronized (lock) {
      if (started || closed) {
        throw new IllegalStateException("feed already started or closed");
      }
      started = true;
      gen = generation;
      expiry = connection.executors().background().scheduleWithFixedDelay(store::expire, EXPIRE_EVERY_MILLIS,
          EXPIRE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }
    changeState(ConnectionState.CONNECTING);
    connection.executors().background().execute(() -> attempt(gen, false));
  }

  public ConnectionState state() {
    synchronized (lock) {
      return state;
    }
  }

  private void attempt(int gen, boolean signInAgain) {
    if (isStale(gen)) {
      return;
    }
    try {
      connection.resetConnectBackoff();
      if (signInAgain || !connection.isSignedIn()) {
        connection.signInAgain();
      }
    } catch (RuntimeException e) {
      log.debug("live track reconnect attempt failed: {}", e.toString());
      retryLater(gen, true);
      return;
    }
    subscribe(gen);
  }

  private void subscribe(int gen) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      inSnapshot = false;
    }
    log.info("subscribing to live vehicle positions at {}", connection.address());
    TrackServiceGrpc.newStub(connection.channel())
        .withCallCredentials(connection.callCredentials())
        .subscribeLive(LiveTrackRequest.getDefaultInstance(),
            new ClientResponseObserver<LiveTrackRequest, LiveTrackUpdate>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<LiveTrackRequest> call) {
                boolean stale;
                synchronized (lock) {
                  stale = gen != generation || closed;
                  if (!stale) {
                    currentCall = call;
                  }
                }
                if (stale) { // closed between the check in subscribe and now: close() missed this call
                  call.cancel("client closed the feed", null);
                }
              }

              @Override
              public void onNext(LiveTrackUpdate update) {
                accept(gen, update);
              }

              @Override
              public void onError(Throwable t) {
                streamBroke(gen, Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                streamBroke(gen, Status.UNAVAILABLE.withDescription("server ended the stream"));
              }
            });
  }

  private void accept(int gen, LiveTrackUpdate update) {
    boolean firstPart;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      firstPart = update.getSnapshot() && !inSnapshot;
      inSnapshot = update.getSnapshot() && !update.getSnapshotEnd();
      backoff.reset();
    }
    if (update.getStaleAfterSeconds() > 0) {
      store.setStaleAfter(Duration.ofSeconds(update.getStaleAfterSeconds()));
    }
    if (update.getTrailSeconds() > 0) {
      store.setTrailWindow(Duration.ofSeconds(update.getTrailSeconds()));
    }
    List<TrackedVehicle> vehicles = new ArrayList<>(update.getVehiclesCount());
    for (VehicleTrack track : update.getVehiclesList()) {
      TrackedVehicle vehicle = fromProto(track);
      if (vehicle != null) {
        vehicles.add(vehicle);
      }
    }
    if (update.getSnapshot()) {
      store.applySnapshotPart(vehicles, firstPart, update.getSnapshotEnd());
    } else {
      store.applyUpdate(vehicles, update.getRemovedPlatesList());
    }
    changeState(ConnectionState.CONNECTED);
  }

  /** The vehicle of a message, or null when it uses a value this client does not know. */
  static TrackedVehicle fromProto(VehicleTrack track) {
    VehicleClass vehicleClass = vehicleClass(track.getVehicleClass());
    PlateColor plateColor = plateColor(track.getPlateColor());
    if (vehicleClass == null || !track.hasCurrent()) {
      return null;
    }
    List<TrackPoint> trail = new ArrayList<>(track.getTrailCount());
    track.getTrailList().forEach(p -> trail.add(point(p)));
    return new TrackedVehicle(track.getPlate(), plateColor == null ? PlateColor.BLUE : plateColor, vehicleClass,
        point(track.getCurrent()), trail, tracking(track));
  }

  private static TripTracking tracking(VehicleTrack track) {
    if (track.getTerminalNumber().isEmpty() && track.getTripId().isEmpty() && track.getPermitId().isEmpty()
        && !track.getUnbound() && track.getViolationsCount() == 0) {
      return TripTracking.NONE;
    }
    return new TripTracking(track.getTerminalNumber(), track.getTripId(), track.getPermitId(), track.getUnbound(),
        track.getViolationsList());
  }

  private static TrackPoint point(VehiclePosition position) {
    return new TrackPoint(position.getPosition().getLon(), position.getPosition().getLat(),
        position.getHeadingDeg(), position.getSpeedKmh(),
        position.getTime().getSeconds() * 1000 + position.getTime().getNanos() / 1_000_000);
  }

  private static VehicleClass vehicleClass(io.cordon.api.v1.VehicleClass value) {
    String name = value.name();
    return name.startsWith("VEHICLE_CLASS_") && !name.endsWith("UNSPECIFIED")
        ? VehicleClass.valueOf(name.substring("VEHICLE_CLASS_".length())) : null;
  }

  private static PlateColor plateColor(io.cordon.api.v1.PlateColor value) {
    String name = value.name();
    return name.startsWith("PLATE_COLOR_") && !name.endsWith("UNSPECIFIED")
        ? PlateColor.valueOf(name.substring("PLATE_COLOR_".length())) : null;
  }

  private void streamBroke(int gen, Status status) {
    int next;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++;
      next = generation;
      currentCall = null;
    }
    log.warn("live track stream from {} broke ({}); reconnecting", connection.address(), status);
    changeState(ConnectionState.RECONNECTING);
    retryLater(next, status.getCode() == Status.Code.UNAUTHENTICATED);
  }

  /** @param signInAgain whether the session is no good (the server said UNAUTHENTICATED) */
  private void retryLater(int gen, boolean signInAgain) {
    Duration delay;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      delay = backoff.next();
    }
    changeState(ConnectionState.RECONNECTING);
    connection.executors().background()
        .schedule(() -> attempt(gen, signInAgain), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean isStale(int gen) {
    synchronized (lock) {
      return gen != generation || closed;
    }
  }

  private void changeState(ConnectionState newState) {
    synchronized (lock) {
      if (state == newState || (closed && newState != ConnectionState.DISCONNECTED)) {
        return;
      }
      state = newState;
    }
    connection.executors().ui().execute(() -> stateListeners.forEach(l -> l.accept(newState)));
  }

  /** Stops the stream and any retry; the store keeps what it holds. */
  @Override
  public void close() {
    ClientCallStreamObserver<LiveTrackRequest> call;
    ScheduledFuture<?> expiring;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      call = currentCall;
      currentCall = null;
      expiring = expiry;
    }
    if (call != null) {
      call.cancel("client closed the feed", null);
    }
    if (expiring != null) {
      expiring.cancel(false);
    }
    synchronized (lock) {
      state = ConnectionState.DISCONNECTED;
    }
    connection.executors().ui().execute(() -> stateListeners.forEach(l -> l.accept(ConnectionState.DISCONNECTED)));
  }
}
