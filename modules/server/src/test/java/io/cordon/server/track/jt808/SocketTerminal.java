package io.cordon.server.track.jt808;

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
import java.util.List;

/**
 * A JT/T 808 (2013) terminal on a plain socket: frames built with {@link Jt808Encoder}, the
 * platform's answers read back byte by byte (header 12 bytes, body, check code).
 */
final class SocketTerminal implements AutoCloseable {

  /** A platform frame: message id and body (unescaped, without header and check code). */
  record Answer(int messageId, byte[] body) {
    int result() {
      return messageId == 0x8100 ? body[2] & 0xff : body[4] & 0xff;
    }

    int replySerial() {
      return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
    }

    String authCode() {
      return new String(body, 3, body.length - 3, Charset.forName("GBK"));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String number;
  private int serial;

  SocketTerminal(int port, String number) throws IOException {
    this.socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.number = number;
  }

  /** Sends a message with the next serial; returns that serial. */
  int send(Jt808Message message) throws IOException {
    int used = serial;
    out.write(Jt808Encoder.encode(message, Jt808Dialect.V2013, number, used));
    out.flush();
    serial = (serial + 1) & 0xffff;
    return used;
  }

  /** Registers (answered with an auth code) and authenticates with it; returns the code. */
  String logIn() throws IOException {
    send(new Jt808Message.Register(32, 1100, "70111", "HZ-808-T", "T" + number.substring(6), 2, "苏E12345",
        Jt808RegisterLayout.V2013));
    Answer registered = read();
    if (registered.messageId() != 0x8100 || registered.result() != 0) {
      throw new IOException("not registered: " + registered.messageId() + "/" + registered.result());
    }
    String code = registered.authCode();
    authenticate(code);
    return code;
  }

  /** Authenticates with a code; fails unless the platform says OK. */
  void authenticate(String code) throws IOException {
    send(new Jt808Message.Authenticate(code, "", ""));
    Answer answer = read();
    if (answer.result() != 0) {
      throw new IOException("authentication refused");
    }
  }

  /** Sends an authentication and returns the platform's result (0 = OK). */
  int tryAuthenticate(String code) throws IOException {
    send(new Jt808Message.Authenticate(code, "", ""));
    return read().result();
  }

  /** Sends one location report and waits for its answer; returns the result (0 = stored). */
  int report(Location location) throws IOException {
    int used = send(new Jt808Message.LocationReport(location));
    Answer answer = read();
    if (answer.replySerial() != used) {
      throw new IOException("answer to serial " + answer.replySerial() + ", expected " + used);
    }
    return answer.result();
  }

  /** A valid fix (positioned) at a place and time. */
  static Location fix(Instant at, double lon, double lat, double speedKmh) {
    return Location.of(at, lat, lon, speedKmh, 0, 10, 0, Location.STATUS_ACC, List.of());
  }

  /** A fix without satellite position (status bit 1 clear). */
  static Location noFix(Instant at) {
    return new Location(0, Location.STATUS_ACC, 0, 0, 0, 0, 0, at, List.of(), false);
  }

  /** Reads the next platform frame. */
  Answer read() throws IOException {
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
        int next = in.read();
        frame.write(next == 0x02 ? 0x7e : 0x7d);
      } else {
        frame.write(b);
      }
    }
    byte[] bytes = frame.toByteArray();
    int messageId = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    byte[] body = java.util.Arrays.copyOfRange(bytes, 12, bytes.length - 1);
    return new Answer(messageId, body);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
