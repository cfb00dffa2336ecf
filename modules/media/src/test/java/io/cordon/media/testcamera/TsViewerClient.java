package io.cordon.media.testcamera;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test viewer over a raw socket: sends the GET, decodes the chunked body and checks that it is MPEG-TS
 * (0x47 at every 188th byte). Optionally a "slow" viewer that never reads after the headers.
 */
public final class TsViewerClient implements AutoCloseable {
  private final Socket socket;
  private final long startNanos = System.nanoTime();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong misaligned = new AtomicLong();
  private final AtomicLong firstByteNanos = new AtomicLong();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private volatile int status;
  private volatile int keyFrameOffset = -1;
  private final Thread reader;

  private TsViewerClient(URI url, boolean reads, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()), 5000);
    socket.getOutputStream().write(("GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
        + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    reader = new Thread(() -> read(reads), "ts-viewer");
    reader.setDaemon(true);
    reader.start();
  }

  public static TsViewerClient open(URI url) throws IOException {
    return new TsViewerClient(url, true, 0);
  }

  /** Reads the response headers, then stops reading (a stalled player). */
  public static TsViewerClient openStalled(URI url, int receiveBuffer) throws IOException {
    return new TsViewerClient(url, false, receiveBuffer);
  }

  public int status() {
    return status;
  }

  public long bytes() {
    return bytes.get();
  }

  public long misalignedPackets() {
    return misaligned.get();
  }

  /** Milliseconds from opening to the first body byte, or -1. */
  public long millisToFirstBytes() {
    long t = firstByteNanos.get();
    return t == 0 ? -1 : (t - startNanos) / 1_000_000;
  }

  /** Byte offset in the body of the first TS packet with the random-access flag (a key frame), or -1. */
  public int keyFrameOffset() {
    return keyFrameOffset;
  }

  public boolean ended() {
    return ended.getCount() == 0;
  }

  public boolean awaitEnd(long seconds) throws InterruptedException {
    return ended.await(seconds, TimeUnit.SECONDS);
  }

  private void read(boolean reads) {
    try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16)) {
      String line = readLine(in);
      status = Integer.parseInt(line.split(" ")[1]);
      while (!(line = readLine(in)).isEmpty()) {
        head.write(line.getBytes(StandardCharsets.US_ASCII));
      }
      if (status != 200 || !reads) {
        if (!reads) {
          ended.await();
        }
        return;
      }
      byte[] packet = new byte[188];
      int inPacket = 0;
      long offset = 0;
      while (true) {
        int size = Integer.parseInt(readLine(in).trim(), 16);
        if (size == 0) {
          return;
        }
        for (int i = 0; i < size; i++) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          firstByteNanos.compareAndSet(0, System.nanoTime());
          packet[inPacket++] = (byte) b;
          if (inPacket == 188) {
            inPacket = 0;
            if (packet[0] != 0x47) {
              misaligned.incrementAndGet();
            } else if (keyFrameOffset < 0 && (packet[3] & 0x20) != 0 && (packet[4] & 0xff) > 0 && (packet[5] & 0x40) != 0) {
              keyFrameOffset = (int) offset;
            }
            offset += 188;
          }
          bytes.incrementAndGet();
        }
        readLine(in);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      // closed
    } finally {
      ended.countDown();
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    if (c < 0 && b.length() == 0) {
      throw new IOException("end of stream");
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    ended.countDown();
  }
}
