package io.cordon.client.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {
  @Test
  void parsesHostAndPort() {
    assertThat(ServerAddress.parse("cordon.example:8443")).isEqualTo(new ServerAddress("cordon.example", 8443));
  }

  @Test
  void parsesBracketedIpv6Hosts() {
    ServerAddress address = ServerAddress.parse("[::1]:9000");
    assertThat(address.host()).isEqualTo("::1");
    assertThat(address).hasToString("[::1]:9000");
  }

  @Test
  void rejectsTextWithoutAPort() {
    assertThatThrownBy(() -> ServerAddress.parse("cordon.example")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsPortsOutOfRange() {
    assertThatThrownBy(() -> ServerAddress.parse("h:70000")).isInstanceOf(IllegalArgumentException.class);
  }
}
