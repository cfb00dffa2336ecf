package io.cordon.server.gate.access;

import io.cordon.api.v1.GateOperatingMode;
import io.cordon.devices.alarm.AlarmReportSink;
import io.cordon.devices.gate.GateCommandFeed;
import io.cordon.devices.gate.GateDirectory;
import io.cordon.devices.gate.GateStateSink;
import io.cordon.devices.gate.agent.AgentSessions;
import io.cordon.devices.gate.agent.GateAgentGrpcService;
import io.cordon.devices.gate.cache.CacheSigner;
import io.cordon.devices.gate.cache.Sm2Keys;
import io.cordon.domain.gate.access.GateAccessPolicy;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.persistence.Database;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gate access (issue 7) put together: the in-memory {@link AccessIndex} loaded from the registration
 * tables and kept current from the journal, the agents' {@code GateAgentService}, the single writer
 * of access records, presence restored from {@code gate_presence}, the SM2-signed caches, and the
 * reads {@code GateService} serves ({@link #queries()}).
 */
public final class GateAccessModule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GateAccessModule.class);

  private final GateAgentGrpcService agents;
  private final GateAccessQueries queries;
  private final AgentSessions sessions;
  private final GateBoard board;
  private final RegistryFollower follower;
  private final AccessRecordWriter writer;
  private final ExecutorService background;
  private final ExecutorService gateStates;

  private GateAccessModule(GateAgentGrpcService agents, GateAccessQueries queries, AgentSessions sessions,
      GateBoard board, RegistryFollower follower, AccessRecordWriter writer, ExecutorService background,
      ExecutorService gateStates) {
    this.agents = agents;
    this.queries = queries;
    this.sessions = sessions;
    this.board = board;
    this.follower = follower;
    this.writer = writer;
    this.background = background;
    this.gateStates = gateStates;
  }

  /**
   * Loads the index and presence and starts following the journal.
   *
   * @param commands the gates' commands, as the agents receive them
   * @param gateStateSink the gates' overall state (the map's colours), fed from the lanes' barriers
   * @param alarms where forced passages and tailgating are raised
   */
  public static GateAccessModule start(GateAccessSettings settings, Park park, Database database,
      EventJournal journal, LiveEvents live, GateCommandFeed commands, GateStateSink gateStateSink,
      AlarmReportSink alarms, Clock clock) {
    ExecutorService background = Executors.newFixedThreadPool(2, named("cordon-gate-access"));
    ExecutorService gateStates = Executors.newSingleThreadExecutor(named("cordon-gate-states"));
    AccessRecordWriter writer = null;
    try {
      AccessStore store = new AccessStore(database);
      CacheSigner signer = new CacheSigner(signingKeys(store, clock));
      long cursor = journal.lastSeq(); // before the load: changes during it are applied again, harmlessly
      AccessIndex index = new AccessIndex(database, clock, settings.emergencyPlates());
      index.load();
      PresenceBook presence = new PresenceBook();
      presence.restore(store.presenceRows());
      GateCache cache = new GateCache(index, signer::sign, clock, cursor);
      writer = new AccessRecordWriter(journal, store, presence, clock);
      GateBoard board = new GateBoard(park);
      AccessBackend backend = new AccessBackend(park, index, new GateAccessPolicy(settings.access()), presence, board,
          writer, cache, signer.encodedPublicKey(), gateStateSink, alarms, gateStates, background, clock);
      AgentSessions sessions = new AgentSessions();
      GateAgentGrpcService agents = new GateAgentGrpcService(GateDirectory.of(park), backend, commands, sessions,
          background, clock);
      RegistryFollower follower = new RegistryFollower(journal, live, background, index, cache, cursor,
          sessions::cacheChanged, sessions::cacheChangedEverywhere);
      follower.start();
      log.info("Gate access ready: {} inside the park, cache version {}", presence.occupancy().size(), cursor);
      return new GateAccessModule(agents, new GateAccessQueries(park, store, presence, index, board, clock), sessions,
          board, follower, writer, background, gateStates);
    } catch (RuntimeException e) {
      if (writer != null) {
        writer.close();
      }
      background.shutdownNow();
      gateStates.shutdownNow();
      throw e;
    }
  }

  private static KeyPair signingKeys(AccessStore store, Clock clock) {
    Optional<String> stored = store.signingKey();
    if (stored.isPresent()) {
      return Sm2Keys.fromPem(stored.get());
    }
    KeyPair keys = Sm2Keys.generate();
    store.saveSigningKey(Sm2Keys.toPem(keys), clock.instant());
    log.info("Generated the SM2 key pair that signs the gate agents' caches");
    return keys;
  }

  /** The device-facing service. */
  public GateAgentGrpcService agentService() {
    return agents;
  }

  /** The reads of {@code GateService}. */
  public GateAccessQueries queries() {
    return queries;
  }

  /** Who is connected; pushes messages to a gate's agent. */
  public AgentSessions sessions() {
    return sessions;
  }

  /** The gate's operating mode now (what decisions and the cache use). */
  public GateOperatingMode mode(GateId gate) {
    return board.mode(gate);
  }

  /** Switches a gate's operating mode for decisions and its cache (the emergency opening calls this). */
  public void setMode(GateId gate, GateOperatingMode mode) {
    board.mode(gate, mode);
    sessions.cacheChanged(java.util.List.of(gate));
  }

  /** Access items waiting for their commit (for the bench). */
  public int pendingWrites() {
    return writer.queued();
  }

  @Override
  public void close() {
    follower.close();
    sessions.endAll();
    writer.close();
    background.shutdown();
    gateStates.shutdown();
    try {
      background.awaitTermination(5, TimeUnit.SECONDS);
      gateStates.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
