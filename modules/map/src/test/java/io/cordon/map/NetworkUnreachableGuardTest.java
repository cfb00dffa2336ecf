package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The offline test is only as good as its guard: it must catch a real attempt to go out. */
class NetworkUnreachableGuardTest {
  @Test
  void refusesAndRecordsAConnectionToAnOutsideHost() {
    try (NetworkUnreachableGuard guard = NetworkUnreachableGuard.install()) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("10.255.255.1", 443), 200);
        }
      }).isInstanceOf(SecurityException.class);
      assertThatThrownBy(() -> new URL("https://maps.googleapis.com/maps/api/js").openStream())
          .isInstanceOf(SecurityException.class);
      assertThat(guard.attempts()).hasSize(2);
    }
  }

  @Test
  void letsLoopbackThrough() throws Exception {
    try (NetworkUnreachableGuard guard = NetworkUnreachableGuard.install();
        java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Socket client = new Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(client.isConnected()).isTrue();
      assertThat(guard.attempts()).isEmpty();
    }
  }
}
