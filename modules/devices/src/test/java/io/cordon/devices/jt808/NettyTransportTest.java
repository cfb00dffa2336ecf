package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

class NettyTransportTest {

  @Test
  void onLinuxX86TheNativeEpollTransportIsUsedWhenAskedFor() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"));
    System.setProperty("cordon.netty.epoll", "true");
    try {
      assertThat(Epoll.unavailabilityCause()).isNull();
      assertThat(NettyTransport.best()).isEqualTo(NettyTransport.EPOLL);
      assertThat(NettyTransport.best().socketChannel().getSimpleName()).isEqualTo("EpollSocketChannel");
    } finally {
      System.clearProperty("cordon.netty.epoll");
    }
  }

  @Test
  void javaNioIsTheDefault() {
    assertThat(NettyTransport.best()).isEqualTo(NettyTransport.NIO);
    assertThat(NettyTransport.best().serverChannel().getSimpleName()).isEqualTo("NioServerSocketChannel");
  }
}
