package io.cordon.devices.jt808;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The TCP transport of the JT/T 808 server and the simulated terminals: Java NIO, or Linux's native epoll when
 * asked for with {@code -Dcordon.netty.epoll=true} and its library loads. Epoll is not the default: on this 2-core
 * machine the ingest bench measured it slower than NIO (176 against 116 µs of CPU per stored position).
 */
public enum NettyTransport {
  EPOLL, NIO;

  /** Epoll when asked for and available, else NIO. */
  public static NettyTransport best() {
    return Boolean.getBoolean("cordon.netty.epoll") && Epoll.isAvailable() ? EPOLL : NIO;
  }

  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
