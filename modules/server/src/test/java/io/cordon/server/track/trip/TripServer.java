package io.cordon.server.track.trip;

import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.domain.park.Park;
import io.cordon.server.event.HibernateEventJournal;
import io.cordon.server.event.InProcessLiveEvents;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** A TripService over real gRPC on loopback, on an H2 file database in {@code dir} (reopened after a restart). */
final class TripServer implements AutoCloseable {

  static final Park PARK = ParkFileLoader.loadSample();
  static final String USER = "gate-op";

  final Database database;
  final HibernateEventJournal journal;
  final TripBook book;
  final FakeLiveState live = new FakeLiveState();
  private final Server server;
  private final ManagedChannel channel;

  TripServer(Path dir) {
    database = Database.open(TestDatabase.h2(dir).settings(), JournalEntities.classes());
    InProcessLiveEvents events = new InProcessLiveEvents();
    journal = new HibernateEventJournal(database, events, Clock.systemUTC());
    book = TripBook.start(PARK, database, journal, events, Clock.systemUTC(), 3_600);
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(new TripGrpcService(book, live, () -> USER)).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  TripServiceGrpc.TripServiceBlockingStub stub() {
    return TripServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    book.close();
    database.close();
  }
}
