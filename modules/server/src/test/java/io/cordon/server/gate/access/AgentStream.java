package io.cordon.server.gate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.ServerMessage;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A gate agent's stream as a test drives it: sends messages, collects what the server answers. */
final class AgentStream implements StreamObserver<ServerMessage> {

  private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Throwable> ended = new CompletableFuture<>();
  private final StreamObserver<AgentMessage> out;

  AgentStream(Channel channel) {
    out = GateAgentServiceGrpc.newStub(channel).withDeadlineAfter(2, TimeUnit.MINUTES).connect(this);
  }

  AgentStream send(AgentMessage message) {
    out.onNext(message);
    return this;
  }

  /** The next message that matches (others before it are dropped); the wait is a hang guard. */
  ServerMessage next(Predicate<ServerMessage> wanted) throws InterruptedException {
    while (true) {
      ServerMessage m = received.poll(30, TimeUnit.SECONDS);
      assertThat(m).as("a server message (ended: %s)", ended.getNow(null)).isNotNull();
      if (wanted.test(m)) {
        return m;
      }
    }
  }

  ServerMessage next(ServerMessage.BodyCase kind) throws InterruptedException {
    return next(m -> m.getBodyCase() == kind);
  }

  /** Everything received so far and within a short pause. */
  List<ServerMessage> drain() throws InterruptedException {
    Thread.sleep(300);
    List<ServerMessage> rest = new ArrayList<>();
    received.drainTo(rest);
    return rest;
  }

  void close() {
    try {
      out.onCompleted();
    } catch (RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public void onNext(ServerMessage value) {
    received.add(value);
  }

  @Override
  public void onError(Throwable t) {
    ended.complete(t);
  }

  @Override
  public void onCompleted() {
    ended.complete(null);
  }
}
