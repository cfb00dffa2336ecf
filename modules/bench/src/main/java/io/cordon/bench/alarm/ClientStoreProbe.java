package io.cordon.bench.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.client.alarm.AlarmFeed;
import io.cordon.client.alarm.AlarmStore;
import io.cordon.client.connection.ClientExecutors;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.connection.ServerAddress;
import io.cordon.client.connection.ServerConnection;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The second process of {@link AlarmLatencyBench}: an operator's real client alarm store ({@link
 * AlarmFeed} writing the watch stream into an {@link AlarmStore}), with one thread standing in for
 * the UI thread the store notifies. Every alarm that appears in the store for the first time is
 * written to stdout as {@code n,arrivalEpochMicros,raisedAtEpochMicros} (n from its detail
 * "bench:&lt;n&gt;:…"; raised_at is when the server's alarm center decided it, to split the latency);
 * "ready" once the first snapshot is in. Logging goes to stderr so stdout carries only those lines.
 * Ends when stdin closes.
 *
 * <p>Argument: the server's {@code host:port}.
 */
public final class ClientStoreProbe {

  static final String READY = "ready";
  private static final String BENCH_PREFIX = "bench:";

  private ClientStoreProbe() {
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    System.setOut(System.err); // before any logger starts: its console appender must not share our stdout
    ScheduledExecutorService background = Executors.newScheduledThreadPool(2, daemon("probe-background"));
    ExecutorService ui = Executors.newSingleThreadExecutor(daemon("probe-ui"));
    ServerConnection connection = ServerConnection.open(ServerAddress.parse(args[0]),
        new ClientExecutors(background, ui));
    signIn(connection);
    AlarmStore store = new AlarmStore(ui);
    Set<String> seen = new HashSet<>(); // touched on the ui thread only
    store.addListener(changes -> {
      Instant now = Instant.now();
      long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
      for (Alarm alarm : changes.changed()) {
        if (seen.add(alarm.getAlarmId()) && alarm.getDetail().startsWith(BENCH_PREFIX)) {
          String detail = alarm.getDetail();
          out.append(detail, BENCH_PREFIX.length(), detail.indexOf(':', BENCH_PREFIX.length()))
              .append(',').append(Long.toString(micros))
              .append(',').append(Long.toString(TimeUnit.SECONDS.toMicros(alarm.getRaisedAt().getSeconds())
                  + alarm.getRaisedAt().getNanos() / 1_000)).append('\n');
        }
      }
      out.flush();
    });
    AlarmFeed feed = new AlarmFeed(connection, store);
    boolean[] told = {false};
    feed.addStateListener(state -> {
      if (state == ConnectionState.CONNECTED && !told[0]) {
        told[0] = true;
        out.println(READY);
        out.flush();
      }
    });
    feed.start();
    while (System.in.read() >= 0) {
      // the bench closes our stdin when it is done
    }
    feed.close();
    connection.close();
    ui.shutdown();
    try {
      ui.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    background.shutdownNow();
    out.flush();
  }

  /** A cold JVM on a busy machine can miss the first call's deadline: try a few times. */
  private static void signIn(ServerConnection connection) {
    for (int attempt = 1; ; attempt++) {
      try {
        connection.signIn("operator", "operator");
        return;
      } catch (RuntimeException e) {
        if (attempt == 5 || !ServerConnection.isUnreachable(e)) {
          throw e;
        }
        System.err.println("probe sign-in attempt " + attempt + " failed: " + e.getMessage());
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
