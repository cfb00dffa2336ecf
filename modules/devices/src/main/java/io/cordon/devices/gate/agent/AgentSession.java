package io.cordon.devices.gate.agent;

import io.cordon.api.v1.ServerMessage;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Lane;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One agent's live session: the gate it serves, the lanes it announced, and its outbound queue.
 * Messages to the agent are queued and written only while the transport is ready, by one drainer
 * at a time, so sends never block the caller and never interleave; an agent that stops reading
 * until {@value #MAX_QUEUED} messages wait is cut off (it reconnects and resumes).
 */
public final class AgentSession {

  /** Messages waiting for a slow agent before its session is ended. */
  static final int MAX_QUEUED = 20_000;

  private final long id;
  private final Gate gate;
  private final String agentId;
  private final String softwareVersion;
  private final Map<String, Set<String>> laneDevices;
  private final Instant connectedAt;
  private final ServerCallStreamObserver<ServerMessage> observer;
  private final Queue<ServerMessage> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile Status terminal;
  private volatile boolean finished;
  private volatile Instant lastSeen;
  /** The cache version sent to the agent so far; guarded by {@link #cacheLock}. */
  long cacheSent;
  final Object cacheLock = new Object();

  AgentSession(long id, Gate gate, String agentId, String softwareVersion, Map<String, Set<String>> laneDevices,
      Instant connectedAt, ServerCallStreamObserver<ServerMessage> observer) {
    this.id = id;
    this.gate = Objects.requireNonNull(gate, "gate");
    this.agentId = Objects.requireNonNull(agentId, "agentId");
    this.softwareVersion = Objects.requireNonNull(softwareVersion, "softwareVersion");
    this.laneDevices = Map.copyOf(laneDevices);
    this.connectedAt = Objects.requireNonNull(connectedAt, "connectedAt");
    this.lastSeen = connectedAt;
    this.observer = observer;
  }

  /** Unique within this server process (a gate's successive sessions differ). */
  public long id() {
    return id;
  }

  public Gate gate() {
    return gate;
  }

  public String agentId() {
    return agentId;
  }

  public String softwareVersion() {
    return softwareVersion;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  /** The agent's latest message. */
  public Instant lastSeen() {
    return lastSeen;
  }

  void seen(Instant at) {
    lastSeen = at;
  }

  /** The lanes the agent announced, with their devices ("plate_camera", "loop", …). */
  public Map<String, Set<String>> laneDevices() {
    return laneDevices;
  }

  /** The announced lane of that id, as the park plan describes it. */
  public Optional<Lane> lane(String laneId) {
    if (!laneDevices.containsKey(laneId)) {
      return Optional.empty();
    }
    return gate.lanes().stream().filter(l -> l.id().equals(laneId)).findFirst();
  }

  /** Whether the lane announced that device (e.g. "loop": passages are counted there). */
  public boolean hasDevice(String laneId, String device) {
    return laneDevices.getOrDefault(laneId, Set.of()).contains(device);
  }

  public boolean isOpen() {
    return !finished && terminal == null;
  }

  /** Queues a message for the agent; dropped when the session has ended. */
  public void send(ServerMessage message) {
    if (!isOpen()) {
      return;
    }
    if (queued.incrementAndGet() > MAX_QUEUED) {
      end(Status.RESOURCE_EXHAUSTED.withDescription("the agent does not read its messages; reconnect"));
      return;
    }
    queue.add(message);
    drain();
  }

  /** Ends the session with {@code status} (OK completes the stream) after nothing more is sent. */
  void end(Status status) {
    if (terminal == null) {
      terminal = status;
    }
    drain();
  }

  /** The stream is gone (cancelled by the client or ended): stop sending. */
  void gone() {
    finished = true;
    queue.clear();
  }

  /** Writes what the transport takes now; called on sends and whenever the transport is ready. */
  void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      if (!finished) {
        if (terminal != null) {
          finish();
        } else {
          ServerMessage next;
          while (!finished && terminal == null && observer.isReady() && (next = queue.poll()) != null) {
            queued.decrementAndGet();
            try {
              observer.onNext(next);
            } catch (RuntimeException e) {
              gone(); // the call was cancelled under us
            }
          }
          if (terminal != null) {
            finish();
          }
        }
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void finish() {
    finished = true;
    queue.clear();
    try {
      if (terminal.isOk()) {
        observer.onCompleted();
      } else {
        observer.onError(terminal.asRuntimeException());
      }
    } catch (RuntimeException alreadyClosed) {
      // the call is gone already
    }
  }

  @Override
  public String toString() {
    return "agent " + agentId + " of gate " + gate.id() + " (session " + id + ")";
  }
}
