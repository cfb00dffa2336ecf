package io.cordon.client.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cordon.client.track.LiveTrackFeed;
import io.cordon.client.track.LiveVehicleStore;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's keepalive pings and the server's ping policy fit together. */
class KeepAliveTest {

  @TempDir
  Path dataDir;

  @Test
  void theClientPingsNoMoreOftenThanTheServerPermits() {
    assertThat(ServerConnection.KEEPALIVE_TIME).isGreaterThanOrEqualTo(CordonServer.PERMIT_KEEPALIVE_TIME);
  }

  /**
   * gRPC pings at most every 10 s whatever it is told, so seeing several pings takes most of a
   * minute: this runs only with {@code -Dcordon.slowTests=true}. With the server's default policy
   * (one ping per 5 minutes) the third ping's GOAWAY too_many_pings breaks the stream.
   */
  @Test
  void aQuietLiveStreamStaysUpAcrossSeveralKeepalivePings() throws Exception {
    assumeTrue(Boolean.getBoolean("cordon.slowTests"), "slow: run with -Dcordon.slowTests=true");
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    try (CordonServer server = CordonServer.start(
            ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").demoUsers(true).build());
        ServerConnection connection = ServerConnection.open(new ServerAddress("127.0.0.1", server.grpcPort()),
            new ClientExecutors(pool, Runnable::run), CordonServer.PERMIT_KEEPALIVE_TIME, Duration.ofSeconds(5));
        LiveTrackFeed feed = new LiveTrackFeed(connection, new LiveVehicleStore())) {
      connection.signIn("operator", "operator");
      feed.addStateListener(states::add);
      feed.start();

      Thread.sleep(Duration.ofSeconds(50).toMillis()); // no vehicle moves: only pings cross the link

      assertThat(states).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    } finally {
      pool.shutdownNow();
    }
  }
}
