package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

class NettyTransportTest {

  @Test
  void onLinuxX86TheNativeEpollTransportIsChosen() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"));
    assertThat(Epoll.unavailabilityCause()).isNull();
    assertThat(NettyTransport.best()).isEqualTo(NettyTransport.EPOLL);
    assertThat(NettyTransport.best().socketChannel().getSimpleName()).isEqualTo("EpollSocketChannel");
  }

  @Test
  void javaNioCanBeForcedWhereTheNativeLibraryIsNotWanted() {
    System.setProperty("cordon.netty.nio", "true");
    try {
      assertThat(NettyTransport.best()).isEqualTo(NettyTransport.NIO);
      assertThat(NettyTransport.best().serverChannel().getSimpleName()).isEqualTo("NioServerSocketChannel");
    } finally {
      System.clearProperty("cordon.netty.nio");
    }
  }
}
