package io.cordon.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a camera "RTSP OPTIONS" over TCP: any RTSP answer (even 401, the credentials are not sent)
 * means the camera is reachable from the server and speaks RTSP.
 */
final class RtspProbe {

  private RtspProbe() {
  }

  /** Empty text when the camera answered, else why not. */
  static String problem(URI url, Duration timeout) {
    if (!"rtsp".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      return "not an rtsp:// address: " + url.getScheme();
    }
    int port = url.getPort() < 0 ? 554 : url.getPort();
    int millis = (int) timeout.toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), port), millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(("OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: cordon-health\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String status = new String(head, StandardCharsets.US_ASCII);
      return status.startsWith("RTSP/1.0") ? "" : "answered, but not RTSP";
    } catch (IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage() + " (" + url.getHost() + ":" + port + ")";
    }
  }

  /** The status line's code, for the report ("200", "401"…). */
  static String describe(URI url) {
    return url.getHost() + ":" + (url.getPort() < 0 ? 554 : url.getPort());
  }
}
