package io.cordon.devices.gate.agent;

import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.AgentAck;
import io.cordon.api.v1.AgentError;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.AgentWelcome;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.ServerMessage;
import io.cordon.devices.gate.GateCommandFeed;
import io.cordon.devices.gate.GateDirectory;
import io.cordon.devices.gate.GateMessages;
import io.cordon.devices.gate.IssuedGateCommand;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-facing {@code GateAgentService.Connect}: checks the Hello, makes the session its gate's only
 * one, answers Welcome, the cache and the commands the agent missed, then serves the agent's messages
 * in its order. Identifications are decided on the calling thread (in memory, no disk); reports are
 * acknowledged when their commit completes, without holding up the next message.
 */
public final class GateAgentGrpcService extends GateAgentServiceGrpc.GateAgentServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(GateAgentGrpcService.class);
  /** Decisions remembered per session, so a repeated identification gets the same answer. */
  static final int RECENT_DECISIONS = 1024;

  private final GateDirectory gates;
  private final GateAgentBackend backend;
  private final GateCommandFeed commands;
  private final AgentSessions sessions;
  private final Executor executor;
  private final Clock clock;
  private final AgentMessageChecks checks;
  private final AtomicLong sessionIds = new AtomicLong();

  /** @param executor sends cache updates (signing takes a while; never on a transport thread) */
  public GateAgentGrpcService(GateDirectory gates, GateAgentBackend backend, GateCommandFeed commands,
      AgentSessions sessions, Executor executor, Clock clock) {
    this.gates = Objects.requireNonNull(gates, "gates");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checks = new AgentMessageChecks(clock);
    sessions.cacheRefresher(session -> executor.execute(() -> sendCache(session)));
  }

  public AgentSessions sessions() {
    return sessions;
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<ServerMessage> responseObserver) {
    ServerCallStreamObserver<ServerMessage> out = (ServerCallStreamObserver<ServerMessage>) responseObserver;
    Connection connection = new Connection(out);
    out.setOnReadyHandler(connection::ready);
    out.setOnCancelHandler(connection::ended);
    return connection;
  }

  /** Sends the session what changed in its gate's cache since what it was sent; one at a time per session. */
  private void sendCache(AgentSession session) {
    synchronized (session.cacheLock) {
      if (!session.isOpen()) {
        return;
      }
      try {
        GateAgentBackend.CacheUpdate update = backend.cacheSince(session.gate().id(), session.cacheSent);
        for (io.cordon.api.v1.SignedCacheChunk chunk : update.chunks()) {
          session.send(ServerMessage.newBuilder().setCache(chunk).build());
        }
        session.cacheSent = update.version();
      } catch (RuntimeException e) {
        log.warn("Cannot send the cache of {}", session, e);
      }
    }
  }

  /** One agent stream. gRPC calls {@link #onNext} one message at a time. */
  private final class Connection implements StreamObserver<AgentMessage> {
    private final ServerCallStreamObserver<ServerMessage> out;
    private volatile AgentSession session;
    private volatile GateCommandFeed.Watch watch;
    private volatile boolean closed;
    private final Map<String, Decision> recentDecisions = new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
        return size() > RECENT_DECISIONS;
      }
    };

    Connection(ServerCallStreamObserver<ServerMessage> out) {
      this.out = out;
    }

    void ready() {
      AgentSession current = session;
      if (current != null) {
        current.drain();
      }
    }

    @Override
    public void onNext(AgentMessage message) {
      if (closed) {
        return;
      }
      AgentSession current = session;
      if (current == null) {
        hello(message);
        return;
      }
      current.seen(clock.instant());
      try {
        dispatch(current, message);
      } catch (AgentRefusal refusal) {
        current.send(error(refusal.toError(requestIdOf(message))));
      } catch (RuntimeException e) {
        log.warn("{}: cannot handle a {} message", current, message.getBodyCase(), e);
        current.send(error(AgentError.newBuilder().setRequestId(requestIdOf(message))
            .setField(fieldOf(message)).setDescription("the server could not handle it now; retry")
            .setCode(Code.UNAVAILABLE.getNumber()).build()));
      }
    }

    private void hello(AgentMessage message) {
      if (message.getBodyCase() != AgentMessage.BodyCase.HELLO) {
        fail(io.cordon.devices.gate.FieldViolations.single(Code.INVALID_ARGUMENT, "the first message must be a hello",
            "hello", "is required first"));
        return;
      }
      AgentMessageChecks.CheckedHello hello;
      try {
        hello = checks.hello(message.getHello(), gates);
      } catch (StatusRuntimeException e) {
        fail(e);
        return;
      }
      // A first-time agent (no command received yet) is watched from now, before the session starts:
      // a command committed while the welcome and the cache go out is not missed.
      long commandsAfter = message.getHello().getLastCommandSeq() > 0 ? message.getHello().getLastCommandSeq()
          : commands.lastSeq();
      AgentSession created = new AgentSession(sessionIds.incrementAndGet(), hello.gate(),
          message.getHello().getAgentId(), message.getHello().getSoftwareVersion(), hello.lanes(), clock.instant(),
          out);
      created.cacheSent = message.getHello().getCacheVersion();
      session = created;
      Optional<AgentSession> replaced = sessions.register(created);
      replaced.ifPresent(old -> old.end(Status.ABORTED.withDescription("replaced by a newer session of gate "
          + old.gate().id())));
      try {
        backend.connected(created, replaced.orElse(null));
        created.send(ServerMessage.newBuilder().setWelcome(AgentWelcome.newBuilder()
            .setServerTime(GateMessages.timestamp(clock.instant()))
            .setCacheSigningKey(ByteString.copyFrom(backend.cacheSigningKey()))
            .setMode(backend.mode(created.gate().id()))).build());
        sendCache(created);
        watch = watchCommands(created, commandsAfter);
      } catch (RuntimeException e) {
        log.warn("{}: cannot start the session", created, e);
        sessions.unregister(created);
        created.end(Status.UNAVAILABLE.withDescription("cannot start the session now; reconnect"));
        return;
      }
      if (closed) {
        ended(); // cancelled while starting
      }
      log.info("{} connected ({} lanes, cache {}, commands after {})", created, hello.lanes().size(),
          message.getHello().getCacheVersion(), message.getHello().getLastCommandSeq());
    }

    private GateCommandFeed.Watch watchCommands(AgentSession s, long afterSeq) {
      GateCommandFeed.Listener listener = new GateCommandFeed.Listener() {
        @Override
        public void command(IssuedGateCommand command) {
          s.send(ServerMessage.newBuilder().setCommand(io.cordon.devices.gate.GateMessages.toBarrierCommand(command)).build());
        }

        @Override
        public void ended(RuntimeException cause) {
          s.end(Status.UNAVAILABLE.withDescription("command feed interrupted; reconnect with the last command_seq"));
        }
      };
      try {
        return commands.watch(Set.of(s.gate().id()), afterSeq, listener);
      } catch (IllegalArgumentException beyond) {
        // the agent remembers another server's journal: it gets the commands from now on
        log.warn("{} resumes commands after {}, beyond this journal; from now on instead", s, afterSeq);
        return commands.watch(Set.of(s.gate().id()), 0, listener);
      }
    }

    private void dispatch(AgentSession s, AgentMessage message) {
      switch (message.getBodyCase()) {
        case HELLO:
          throw new AgentRefusal(Code.FAILED_PRECONDITION, "hello", "the session has begun already");
        case IDENTIFICATION:
          identification(s, message.getIdentification());
          break;
        case BARRIER:
          refuseIf(checks.barrier(s, message.getBarrier()));
          ack(s, message.getBarrier().getRequestId(), "barrier", backend.barrier(s, message.getBarrier()),
              seq -> AgentAck.newBuilder().setSeq(seq));
          break;
        case PASSAGE:
          refuseIf(checks.passage(s, message.getPassage()));
          ack(s, message.getPassage().getRequestId(), "passage", backend.passage(s, message.getPassage()),
              seq -> AgentAck.newBuilder().setSeq(seq));
          break;
        case FAULT:
          refuseIf(checks.fault(s, message.getFault()));
          ack(s, message.getFault().getRequestId(), "fault", backend.fault(s, message.getFault()),
              seq -> AgentAck.newBuilder().setSeq(seq));
          break;
        case RECORDS:
          records(s, message.getRecords());
          break;
        case COMMAND_RESULT:
          refuseIf(checks.commandResult(message.getCommandResult()));
          ack(s, "", "command_result", backend.commandResult(s, message.getCommandResult()),
              seq -> AgentAck.newBuilder().setSeq(seq));
          break;
        case CACHE_ACK:
          if (message.getCacheAck().getCacheVersion() < 0) {
            throw new AgentRefusal(Code.INVALID_ARGUMENT, "cache_ack.cache_version", "must be below 2^63");
          }
          backend.cacheAck(s, message.getCacheAck().getCacheVersion());
          break;
        default:
          throw new AgentRefusal(Code.INVALID_ARGUMENT, "body", "an empty or unknown message");
      }
    }

    private void identification(AgentSession s, Identification identification) {
      refuseIf(checks.identification(s, identification));
      Decision earlier = recentDecisions.get(identification.getRequestId());
      if (earlier != null) {
        s.send(ServerMessage.newBuilder().setDecision(earlier).build()); // a retry: the same answer, no new record
        return;
      }
      Optional<AgentRefusal> malformed = checks.credential(identification);
      Decision decision;
      if (malformed.isPresent()) {
        s.send(error(malformed.get().toError(identification.getRequestId())));
        decision = backend.refuseMalformed(s, identification, malformed.get().field(), malformed.get().getMessage());
      } else {
        decision = backend.decide(s, identification);
      }
      recentDecisions.put(identification.getRequestId(), decision);
      s.send(ServerMessage.newBuilder().setDecision(decision).build());
    }

    private void records(AgentSession s, AccessRecordBatch batch) {
      refuseIf(checks.batch(batch));
      AccessRecordBatch.Builder good = AccessRecordBatch.newBuilder().setRequestId(batch.getRequestId());
      List<AgentError> errors = new ArrayList<>();
      for (int i = 0; i < batch.getRecordsCount(); i++) {
        Optional<AgentRefusal> problem = checks.record(s, batch.getRecords(i), i);
        if (problem.isPresent()) {
          errors.add(problem.get().toError(batch.getRequestId()));
        } else {
          good.addRecords(batch.getRecords(i));
        }
      }
      // a record that can never be stored is named and left out; the rest are not held hostage by it
      errors.forEach(e -> s.send(error(e)));
      if (good.getRecordsCount() == 0) {
        s.send(ServerMessage.newBuilder().setAck(AgentAck.newBuilder().setRequestId(batch.getRequestId())).build());
        return;
      }
      ack(s, batch.getRequestId(), "records", backend.upload(s, good.build()),
          result -> AgentAck.newBuilder().setSeq(result.seq()).setAccepted(result.accepted())
              .setDuplicates(result.duplicates()));
    }

    private <T> void ack(AgentSession s, String requestId, String field, CompletableFuture<T> done,
        Function<T, AgentAck.Builder> ack) {
      done.whenComplete((value, failure) -> {
        if (failure == null) {
          s.send(ServerMessage.newBuilder().setAck(ack.apply(value).setRequestId(requestId)).build());
          return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (cause instanceof AgentRefusal refusal) {
          s.send(error(refusal.toError(requestId)));
        } else {
          log.warn("{}: a {} message was not recorded", s, field, cause);
          s.send(error(AgentError.newBuilder().setRequestId(requestId).setField(field)
              .setDescription("not recorded; retry with the same request_id").setCode(Code.UNAVAILABLE.getNumber())
              .build()));
        }
      });
    }

    @Override
    public void onError(Throwable t) {
      ended();
    }

    @Override
    public void onCompleted() {
      AgentSession current = session;
      if (current != null) {
        current.end(Status.OK);
      } else {
        try {
          out.onCompleted();
        } catch (RuntimeException alreadyClosed) {
          // gone
        }
      }
      ended();
    }

    /** The stream is over, whoever ended it. */
    void ended() {
      closed = true;
      GateCommandFeed.Watch w = watch;
      if (w != null) {
        w.close();
      }
      AgentSession current = session;
      if (current == null) {
        return;
      }
      if (out.isCancelled()) {
        current.gone();
      }
      if (sessions.unregister(current)) {
        try {
          backend.disconnected(current);
        } catch (RuntimeException e) {
          log.warn("{}: recording the disconnection failed", current, e);
        }
        log.info("{} disconnected", current);
      }
    }

    private void fail(StatusRuntimeException e) {
      closed = true;
      try {
        out.onError(e);
      } catch (RuntimeException alreadyClosed) {
        // gone
      }
    }
  }

  private static void refuseIf(Optional<AgentRefusal> problem) {
    if (problem.isPresent()) {
      throw problem.get();
    }
  }

  private static ServerMessage error(AgentError error) {
    return ServerMessage.newBuilder().setError(error).build();
  }

  private static String requestIdOf(AgentMessage message) {
    switch (message.getBodyCase()) {
      case IDENTIFICATION:
        return message.getIdentification().getRequestId();
      case BARRIER:
        return message.getBarrier().getRequestId();
      case PASSAGE:
        return message.getPassage().getRequestId();
      case FAULT:
        return message.getFault().getRequestId();
      case RECORDS:
        return message.getRecords().getRequestId();
      default:
        return "";
    }
  }

  private static String fieldOf(AgentMessage message) {
    switch (message.getBodyCase()) {
      case COMMAND_RESULT:
        return "command_result";
      case CACHE_ACK:
        return "cache_ack";
      case BODY_NOT_SET:
        return "body";
      default:
        return message.getBodyCase().name().toLowerCase();
    }
  }
}
