package io.cordon.bench.alarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * {@link ClientStoreProbe} in a child JVM on this JVM's classpath, and what it reports: when each
 * alarm number first appeared in its store (epoch µs), and how often a number appeared again.
 */
final class ProbeProcess implements AutoCloseable {

  private static final long NOT_ARRIVED = -1;

  private final Process process;
  private final Thread reader;
  private final long[] arrivedMicros;
  private final long[] raisedMicros;
  private final Object progress = new Object();
  // guarded by progress
  private boolean ready;
  private boolean ended;
  private int arrived;
  private int duplicates;
  private int unexpected;

  private ProbeProcess(Process process, int alarms) {
    this.process = process;
    this.arrivedMicros = new long[alarms];
    Arrays.fill(arrivedMicros, NOT_ARRIVED);
    this.raisedMicros = new long[alarms];
    this.reader = new Thread(this::read, "bench-probe-reader");
    this.reader.setDaemon(true);
  }

  /** Starts the probe against {@code host:port}; expects alarm numbers below {@code alarms}. */
  static ProbeProcess start(String hostPort, int alarms) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the client JVM options, comma- or space-separated: -Dcordon.probe.jvmArgs=-Xmx512m,-XX:+UseZGC
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8"));
    command.addAll(Arrays.asList(System.getProperty("cordon.probe.jvmArgs", "-Xmx512m").trim().split("[\\s,]+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientStoreProbe.class.getName(), hostPort));
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      ProbeProcess probe = new ProbeProcess(process, alarms);
      probe.reader.start();
      return probe;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the client store probe", e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!ready && !ended) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return ready;
    }
  }

  /** Waits until every number {@code expected} accepts arrived; false on timeout or when the probe ended. */
  boolean awaitArrivals(IntPredicate expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      for (int n = 0; n < arrivedMicros.length; n++) {
        while (expected.test(n) && arrivedMicros[n] == NOT_ARRIVED) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || ended) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        }
      }
      return true;
    }
  }

  /** When the server's alarm center raised alarm n (its raised_at, epoch µs), if it arrived. */
  long raisedMicros(int n) {
    synchronized (progress) {
      return raisedMicros[n];
    }
  }

  /** When alarm n first reached the probe's store (epoch µs), or -1. */
  long arrivedMicros(int n) {
    synchronized (progress) {
      return arrivedMicros[n];
    }
  }

  int arrived() {
    synchronized (progress) {
      return arrived;
    }
  }

  /** Numbers that arrived as a second (third …) alarm: the server raised one report more than once. */
  int duplicates() {
    synchronized (progress) {
      return duplicates;
    }
  }

  /** Lines that were neither "ready" nor a known alarm number. */
  int unexpected() {
    synchronized (progress) {
      return unexpected;
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        accept(line);
      }
    } catch (IOException e) {
      System.err.println("probe output broke: " + e);
    } finally {
      synchronized (progress) {
        ended = true;
        progress.notifyAll();
      }
    }
  }

  private void accept(String line) {
    synchronized (progress) {
      if (line.equals(ClientStoreProbe.READY)) {
        ready = true;
      } else {
        String[] fields = line.split(",");
        int n = fields.length == 3 ? parse(fields[0]) : -1;
        if (n < 0 || n >= arrivedMicros.length) {
          unexpected++;
        } else if (arrivedMicros[n] != NOT_ARRIVED) {
          duplicates++;
        } else {
          arrivedMicros[n] = Long.parseLong(fields[1]);
          raisedMicros[n] = Long.parseLong(fields[2]);
          arrived++;
        }
      }
      progress.notifyAll();
    }
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Closes the probe's stdin (it leaves), and ends it if it does not within a few seconds. */
  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(5_000);
  }
}
