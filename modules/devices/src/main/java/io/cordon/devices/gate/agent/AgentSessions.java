package io.cordon.devices.gate.agent;

import io.cordon.api.v1.ServerMessage;
import io.cordon.domain.park.GateId;
import io.grpc.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live session of every gate: at most one per gate, a newer Hello replaces the older session
 * (the agent restarted, or its old connection is half dead). The server pushes cache updates and
 * reads who is connected through here.
 */
public final class AgentSessions {

  private final Map<GateId, AgentSession> byGate = new ConcurrentHashMap<>();
  private volatile Consumer<AgentSession> cacheRefresher = session -> {
  };

  /** Makes {@code session} its gate's session; returns the one it replaced, if any. */
  Optional<AgentSession> register(AgentSession session) {
    return Optional.ofNullable(byGate.put(session.gate().id(), session));
  }

  /** Forgets {@code session} unless a newer one of its gate replaced it; true when it was current. */
  boolean unregister(AgentSession session) {
    return byGate.remove(session.gate().id(), session);
  }

  void cacheRefresher(Consumer<AgentSession> refresher) {
    this.cacheRefresher = refresher;
  }

  public Optional<AgentSession> of(GateId gate) {
    return Optional.ofNullable(byGate.get(gate));
  }

  public boolean isConnected(GateId gate) {
    AgentSession session = byGate.get(gate);
    return session != null && session.isOpen();
  }

  public List<AgentSession> all() {
    return List.copyOf(byGate.values());
  }

  /** Queues a message for the gate's agent; false when no agent is connected. */
  public boolean send(GateId gate, ServerMessage message) {
    AgentSession session = byGate.get(gate);
    if (session == null || !session.isOpen()) {
      return false;
    }
    session.send(message);
    return true;
  }

  /** Sends the connected agents of these gates what changed in their caches (asynchronously). */
  public void cacheChanged(Collection<GateId> gates) {
    for (GateId gate : gates) {
      AgentSession session = byGate.get(gate);
      if (session != null && session.isOpen()) {
        cacheRefresher.accept(session);
      }
    }
  }

  /** Sends every connected agent what changed in its cache (e.g. the blacklist changed). */
  public void cacheChangedEverywhere() {
    cacheChanged(byGate.keySet());
  }

  /** Ends every session with UNAVAILABLE (the server stops; agents reconnect). */
  public void endAll() {
    for (AgentSession session : byGate.values()) {
      session.end(Status.UNAVAILABLE.withDescription("server shutting down; reconnect"));
    }
  }
}
