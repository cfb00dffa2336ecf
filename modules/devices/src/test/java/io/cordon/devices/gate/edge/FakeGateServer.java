package io.cordon.devices.gate.edge;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AgentAck;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.AgentWelcome;
import io.cordon.api.v1.BarrierCommand;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.ServerMessage;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.devices.gate.cache.CacheSigner;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for the server side of the gate-agent protocol: welcomes with its key, sends the
 * chunks it is given, answers identifications with {@link #decisions} (no answer when it returns
 * null), stores uploaded records by record id (counting duplicates) and can drop the acks.
 */
final class FakeGateServer extends GateAgentServiceGrpc.GateAgentServiceImplBase {

  final CacheSigner signer;
  final List<SignedCacheChunk> chunks = new CopyOnWriteArrayList<>();
  final Map<String, AccessRecord> stored = new ConcurrentHashMap<>();
  final AtomicInteger duplicates = new AtomicInteger();
  final AtomicInteger batches = new AtomicInteger();
  final List<Long> cacheAcks = new CopyOnWriteArrayList<>();
  final List<CommandResult> results = new CopyOnWriteArrayList<>();
  final List<AgentMessage> received = new CopyOnWriteArrayList<>();
  volatile Function<Identification, Decision> decisions = id -> null;
  volatile boolean dropAcks;
  volatile StreamObserver<ServerMessage> session;

  FakeGateServer(CacheSigner signer) {
    this.signer = signer;
  }

  void command(BarrierCommand command) {
    synchronized (this) {
      session.onNext(ServerMessage.newBuilder().setCommand(command).build());
    }
  }

  void push(SignedCacheChunk chunk) {
    synchronized (this) {
      session.onNext(ServerMessage.newBuilder().setCache(chunk).build());
    }
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<ServerMessage> out) {
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessage m) {
        received.add(m);
        synchronized (FakeGateServer.this) {
          switch (m.getBodyCase()) {
            case HELLO -> {
              session = out;
              out.onNext(ServerMessage.newBuilder().setWelcome(AgentWelcome.newBuilder()
                  .setCacheSigningKey(ByteString.copyFrom(signer.encodedPublicKey()))
                  .setMode(GateOperatingMode.GATE_OPERATING_MODE_NORMAL)).build());
              chunks.forEach(c -> out.onNext(ServerMessage.newBuilder().setCache(c).build()));
            }
            case IDENTIFICATION -> {
              Decision d = decisions.apply(m.getIdentification());
              if (d != null) {
                out.onNext(ServerMessage.newBuilder().setDecision(d).build());
              }
            }
            case RECORDS -> {
              batches.incrementAndGet();
              int fresh = 0;
              int dup = 0;
              for (AccessRecord r : m.getRecords().getRecordsList()) {
                if (stored.putIfAbsent(r.getRecordId(), r) == null) {
                  fresh++;
                } else {
                  dup++;
                }
              }
              duplicates.addAndGet(dup);
              if (!dropAcks) {
                out.onNext(ServerMessage.newBuilder().setAck(AgentAck.newBuilder()
                    .setRequestId(m.getRecords().getRequestId()).setAccepted(fresh).setDuplicates(dup)).build());
              }
            }
            case CACHE_ACK -> cacheAcks.add(m.getCacheAck().getCacheVersion());
            case COMMAND_RESULT -> results.add(m.getCommandResult());
            case PASSAGE -> out.onNext(ServerMessage.newBuilder().setAck(AgentAck.newBuilder()
                .setRequestId(m.getPassage().getRequestId())).build());
            default -> {
            }
          }
        }
      }

      @Override
      public void onError(Throwable t) {
      }

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }
}
