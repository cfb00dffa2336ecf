package io.cordon.simulator.jt808;

import io.cordon.api.v1.Park;
import io.cordon.devices.jt808.InMemoryJt808Registrations;
import io.cordon.devices.jt808.Jt808Position;
import io.cordon.devices.jt808.Jt808PositionSink;
import io.cordon.devices.jt808.Jt808Server;
import io.cordon.devices.jt808.Jt808ServerSettings;
import io.cordon.devices.jt808.Jt808SessionListener;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.park.ParkProtoMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The real devices JT/T 808 server on an ephemeral loopback port, keeping every position it takes. */
final class LoopbackJt808Server implements AutoCloseable {

  static final Park SAMPLE_PARK = ParkProtoMapper.toProto(ParkFileLoader.loadSample());

  final ConcurrentLinkedQueue<Jt808Position> positions = new ConcurrentLinkedQueue<>();
  final AtomicBoolean refusing = new AtomicBoolean();
  final Jt808Server server;

  LoopbackJt808Server() {
    Jt808PositionSink sink = batch -> {
      if (refusing.get()) {
        return CompletableFuture.failedFuture(new IllegalStateException("store down"));
      }
      positions.addAll(batch);
      return CompletableFuture.completedFuture(null);
    };
    server = new Jt808Server(Jt808ServerSettings.defaults().withIoThreads(1), new InMemoryJt808Registrations(),
        sink, new Jt808SessionListener() { }).start("127.0.0.1", 0);
  }

  int port() {
    return server.port();
  }

  List<Jt808Position> of(String terminal) {
    return positions.stream().filter(p -> p.terminalNumber().equals(terminal)).toList();
  }

  Map<String, List<Jt808Position>> byTerminal() {
    return positions.stream().collect(Collectors.groupingBy(Jt808Position::terminalNumber));
  }

  /** Distinct (terminal, fix time) pairs received. */
  Set<String> distinctFixes() {
    return positions.stream().map(p -> p.terminalNumber() + "@" + p.fixTime()).collect(Collectors.toSet());
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
