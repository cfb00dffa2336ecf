package io.cordon.devices.jt808;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A terminal over a plain socket: writes frames, reads the platform's frames. */
final class TestTerminal implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Jt808Dialect dialect;
  private final String number;
  private int serial;

  TestTerminal(int port, Jt808Dialect dialect, String number) throws IOException {
    this.socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(5000);
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.dialect = dialect;
    this.number = number;
  }

  String number() {
    return number;
  }

  /** Encodes and sends a message with the next serial; returns that serial. */
  int send(Jt808Message message) throws IOException {
    int used = serial;
    sendRaw(Jt808Encoder.encode(message, dialect, number, serial));
    serial = (serial + 1) & 0xffff;
    return used;
  }

  /** Sends the bytes as they are. */
  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Takes a serial for a frame built elsewhere. */
  int nextSerial() {
    int used = serial;
    serial = (serial + 1) & 0xffff;
    return used;
  }

  /** Reads the next platform frame (fails on timeout or a frame we cannot parse). */
  Jt808Frame readFrame() throws IOException {
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("closed by the server");
      }
    } while (b != 0x7e);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      b = in.read();
      if (b < 0) {
        throw new IOException("closed by the server mid-frame");
      }
      if (b == 0x7e) {
        if (content.size() == 0) {
          continue;
        }
        break;
      }
      content.write(b);
    }
    byte[] bytes = content.toByteArray();
    Jt808FrameResult result = Jt808FrameParser.parseEscaped(bytes, 0, bytes.length);
    if (!(result instanceof Jt808Frame frame)) {
      throw new IOException("server sent a bad frame: " + result);
    }
    return frame;
  }

  /** Reads the next platform message. */
  Jt808Message read() throws IOException {
    try {
      return Jt808BodyDecoder.decode(readFrame());
    } catch (MalformedBodyException e) {
      throw new IOException(e);
    }
  }

  /** Reads the next message, expecting a general response. */
  Jt808Message.PlatformResponse readResponse() throws IOException {
    return (Jt808Message.PlatformResponse) read();
  }

  /** Whether the server closes the connection within the socket timeout (reads nothing meanwhile). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Registers and authenticates with the issued code. */
  void logIn(Jt808Message.Register registration) throws IOException {
    send(registration);
    Jt808Message.RegisterResponse registered = (Jt808Message.RegisterResponse) read();
    send(new Jt808Message.Authenticate(registered.authCode(), "", ""));
    Jt808Message.PlatformResponse response = readResponse();
    if (response.result() != 0) {
      throw new IOException("authentication failed: " + response);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
