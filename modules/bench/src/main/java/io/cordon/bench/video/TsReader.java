package io.cordon.bench.video;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A viewer of the relay: reads an MPEG-TS stream over HTTP on its own thread and notes when the
 * first bytes and the first key frame (a TS packet flagged random-access) arrived.
 */
final class TsReader implements AutoCloseable {

  private static final int PACKET = 188;

  private final long openedNanos = System.nanoTime();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long firstBytesNanos = -1;
  private volatile long firstKeyFrameNanos = -1;
  private volatile int status = -1;
  private volatile boolean closed;
  private final Thread thread;
  private final URI url;
  private volatile HttpURLConnection connection;

  TsReader(URI url) {
    this.url = url;
    this.thread = new Thread(this::read, "ts-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    try {
      connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setReadTimeout(15_000);
      status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        byte[] packet = new byte[PACKET];
        while (!closed) {
          int got = in.readNBytes(packet, 0, PACKET);
          if (got < PACKET) {
            return;
          }
          if (firstBytesNanos < 0) {
            firstBytesNanos = System.nanoTime();
          }
          bytes.addAndGet(PACKET);
          if (firstKeyFrameNanos < 0 && randomAccess(packet)) {
            firstKeyFrameNanos = System.nanoTime();
          }
        }
      }
    } catch (IOException e) {
      // closed or refused: the measurements say so
    }
  }

  /** adaptation field present and its random_access_indicator set (ISO 13818-1 §2.4.3.4). */
  private static boolean randomAccess(byte[] p) {
    boolean adaptation = (p[3] & 0x20) != 0;
    return p[0] == 0x47 && adaptation && (p[4] & 0xff) > 0 && (p[5] & 0x40) != 0;
  }

  /** Milliseconds from opening to the first bytes, -1 if none yet. */
  double firstBytesMillis() {
    return firstBytesNanos < 0 ? -1 : (firstBytesNanos - openedNanos) / 1e6;
  }

  /** Milliseconds from opening to the first key frame, -1 if none yet. */
  double firstKeyFrameMillis() {
    return firstKeyFrameNanos < 0 ? -1 : (firstKeyFrameNanos - openedNanos) / 1e6;
  }

  long bytes() {
    return bytes.get();
  }

  int status() {
    return status;
  }

  @Override
  public void close() {
    closed = true;
    HttpURLConnection open = connection;
    if (open != null) {
      open.disconnect();
    }
  }
}
