package io.cordon.app.track;

import io.cordon.devices.jt808.Jt808Dialect;
import io.cordon.devices.jt808.Jt808Encoder;
import io.cordon.devices.jt808.Jt808Message;
import io.cordon.devices.jt808.Jt808RegisterLayout;
import io.cordon.devices.jt808.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * A JT/T 808 (2013) terminal of the test's own on a plain socket, next to the simulator's fleet:
 * frames built with the devices module's {@link Jt808Encoder}, the platform's answers read back
 * (the server answers a location with 0x8001 only once it stored it). Fix times are the current
 * second, one second apart at least (so the server's duplicate filter keeps every one).
 */
final class SocketTerminal implements AutoCloseable {
  /** JT/T 808 alarm word bit 0: the driver pressed SOS. */
  static final long SOS = 1L;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String number;
  private int serial;
  private Instant lastFix = Instant.EPOCH;

  SocketTerminal(int port, String number) throws IOException {
    this.socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(20_000);
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.number = number;
  }

  String number() {
    return number;
  }

  /** Registers (0x0100, answered with an auth code) and authenticates with it (0x0102). */
  SocketTerminal logIn() throws IOException {
    send(new Jt808Message.Register(32, 1100, "70111", "HZ-808-T", "T" + number.substring(number.length() - 6), 2, "苏E00000",
        Jt808RegisterLayout.V2013));
    Answer registered = read();
    if (registered.messageId() != 0x8100 || registered.body()[2] != 0) {
      throw new IOException("not registered: " + Integer.toHexString(registered.messageId()));
    }
    String code = new String(registered.body(), 3, registered.body().length - 3, Charset.forName("GBK"));
    send(new Jt808Message.Authenticate(code, "", ""));
    if (read().result() != 0) {
      throw new IOException("authentication refused");
    }
    return this;
  }

  /**
   * Reports a valid fix at (lon, lat) now with the given alarm word and waits until the platform
   * answers that it stored it; returns the fix time.
   */
  Instant report(double lon, double lat, double speedKmh, long alarmFlags) throws IOException {
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    while (!at.isAfter(lastFix)) { // like a real terminal, one fix a second at most, never in the future
      sleepUntil(lastFix.plusSeconds(1));
      at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    lastFix = at;
    int used = send(new Jt808Message.LocationReport(
        Location.of(at, lat, lon, speedKmh, 90, 10, alarmFlags, Location.STATUS_ACC, List.of())));
    Answer answer = read();
    if (answer.replySerial() != used) {
      throw new IOException("answer to serial " + answer.replySerial() + ", expected " + used);
    }
    if (answer.result() != 0) {
      throw new IOException("fix of " + at + " not stored: result " + answer.result());
    }
    return at;
  }

  private static void sleepUntil(Instant t) throws IOException {
    try {
      Thread.sleep(Math.max(1, t.toEpochMilli() - System.currentTimeMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private int send(Jt808Message message) throws IOException {
    int used = serial;
    out.write(Jt808Encoder.encode(message, Jt808Dialect.V2013, number, used));
    out.flush();
    serial = (serial + 1) & 0xffff;
    return used;
  }

  /** A platform frame: message id and body (unescaped, without header and check code). */
  private record Answer(int messageId, byte[] body) {
    int result() {
      return messageId == 0x8100 ? body[2] & 0xff : body[4] & 0xff;
    }

    int replySerial() {
      return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
    }
  }

  private Answer read() throws IOException {
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("closed by the server");
      }
    } while (b != 0x7e);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    while (true) {
      b = in.read();
      if (b < 0) {
        throw new IOException("closed mid-frame");
      }
      if (b == 0x7e) {
        if (frame.size() == 0) {
          continue;
        }
        break;
      }
      if (b == 0x7d) {
        frame.write(in.read() == 0x02 ? 0x7e : 0x7d);
      } else {
        frame.write(b);
      }
    }
    byte[] bytes = frame.toByteArray();
    int messageId = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    return new Answer(messageId, Arrays.copyOfRange(bytes, 12, bytes.length - 1));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
