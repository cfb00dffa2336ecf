package io.cordon.media.http;

import io.cordon.media.fanout.LivePulls;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.ticket.TicketVerifier;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;

/** The relay's HTTP endpoint on Netty. */
public final class RelayHttpServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel serverChannel;

  /**
   * Binds at once. {@code port} 0 picks a free port ({@link #port()}). {@code sendBufferBytes} &gt; 0 fixes
   * each viewer socket's send buffer (less data buffered in the kernel for a stalled viewer); 0 leaves the OS default.
   */
  public RelayHttpServer(String host, int port, LivePulls pulls, CameraStreamSource source, TicketVerifier verifier,
      long viewerQueueBytes, int sendBufferBytes) throws InterruptedException {
    this(host, port, pulls, source, verifier, viewerQueueBytes, sendBufferBytes, java.util.Optional::empty);
  }

  /** As above, also serving the playback and exports of {@code recordings} once there are any. */
  public RelayHttpServer(String host, int port, LivePulls pulls, CameraStreamSource source, TicketVerifier verifier,
      long viewerQueueBytes, int sendBufferBytes,
      java.util.function.Supplier<java.util.Optional<io.cordon.media.record.Recordings>> recordings)
      throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(),
                new RelayRequestHandler(pulls, source, verifier, viewerQueueBytes, recordings));
          }
        });
    if (sendBufferBytes > 0) {
      bootstrap.childOption(ChannelOption.SO_SNDBUF, sendBufferBytes);
    }
    try {
      serverChannel = bootstrap.bind(host, port).sync().channel();
    } catch (Exception e) {
      boss.shutdownGracefully();
      workers.shutdownGracefully();
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public String host() {
    return ((InetSocketAddress) serverChannel.localAddress()).getHostString();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
