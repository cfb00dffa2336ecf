package io.cordon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start leaves nothing running behind. */
class CordonServerStartTest {

  private static final String LIVE_TRACK_THREAD = "cordon-live-track";

  @TempDir
  Path dataDir;

  @Test
  void aServerThatCannotListenStopsItsLiveTrackTicker() throws Exception {
    Set<Thread> before = liveTrackThreads();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      ServerConfig config = ServerConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1")
          .grpcPort(taken.getLocalPort()).build();

      assertThatThrownBy(() -> CordonServer.start(config)).isInstanceOf(UncheckedIOException.class);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Set<Thread> left = leftSince(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      left = leftSince(before);
    }
    assertThat(left).isEmpty();
  }

  private static Set<Thread> leftSince(Set<Thread> before) {
    Set<Thread> now = liveTrackThreads();
    now.removeAll(before);
    return now;
  }

  private static Set<Thread> liveTrackThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().equals(LIVE_TRACK_THREAD))
        .collect(Collectors.toSet());
  }
}
