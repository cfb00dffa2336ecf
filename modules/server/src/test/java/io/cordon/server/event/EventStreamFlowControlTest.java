package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream against a client that stops reading, watched from inside the server: the
 * service runs without authentication here so the test can see the stream's cursor.
 */
class EventStreamFlowControlTest {

  static final int EVENTS = 2000;
  /** A small client window, so that "everything fits in the window" cannot pass for flow control. */
  static final int CLIENT_WINDOW_BYTES = 32 * 1024;

  @TempDir
  Path dir;
  Database database;
  HibernateEventJournal journal;
  EventGrpcService service;
  ExecutorService pumps;
  Server server;
  ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(TestDatabase.h2(dir).settings(), JournalEntities.classes());
    InProcessLiveEvents live = new InProcessLiveEvents();
    journal = new HibernateEventJournal(database, live, Clock.systemUTC());
    pumps = Executors.newFixedThreadPool(2);
    service = new EventGrpcService(journal, live, pumps);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
        .flowControlWindow(CLIENT_WINDOW_BYTES).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    pumps.shutdownNow();
    database.close();
  }

  @Test
  void aPausedClientStopsTheStreamWellBeforeTheEndAndThenReceivesEverythingInOrder() throws Exception {
    EventSubscriber subscriber = EventSubscriber.paused(channel, "no-auth-here", 0);
    for (int i = 0; i < EVENTS; i++) {
      journal.append(EventJournalContract.heartbeat("S-" + i, Instant.now()));
    }

    long pausedAt = settledCursor();

    assertThat(pausedAt).as("events passed to the transport while the client read nothing")
        .isPositive().isLessThan(1000);
    subscriber.request(Integer.MAX_VALUE);
    assertThat(subscriber.take(EVENTS)).extracting(Event::getSeq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
    assertThat(subscriber.extra()).isEmpty();
  }

  /** The stream's cursor once it has stopped moving (the waits only guard against a hang). */
  private long settledCursor() throws InterruptedException {
    long last = -1;
    int unchanged = 0;
    for (int polls = 0; polls < 200 && unchanged < 5; polls++) {
      Thread.sleep(100);
      long now = service.openStreams().stream().mapToLong(EventStreamPump::cursor).max().orElse(-1);
      unchanged = now == last ? unchanged + 1 : 0;
      last = now;
    }
    return last;
  }
}
