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
 * The TCP transport of the JT/T 808 server and the simulated terminals: Linux's native epoll when its library loads,
 * Java NIO otherwise (another OS or CPU, or {@code -Dcordon.netty.nio=true}). With thousands of terminals each
 * sending a small frame at a time, epoll spends noticeably less CPU per frame than NIO's selector.
 */
public enum NettyTransport {
  EPOLL, NIO;

  /** Epoll when available and not turned off, else NIO. */
  public static NettyTransport best() {
    return !Boolean.getBoolean("cordon.netty.nio") && Epoll.isAvailable() ? EPOLL : NIO;
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
