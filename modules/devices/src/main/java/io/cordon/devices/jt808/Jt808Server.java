package io.cordon.devices.jt808;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The JT/T 808 TCP server: terminals connect, register, authenticate and report positions, which
 * go to the {@link Jt808PositionSink}. One instance per port; {@link #start} once, {@link #close}
 * once.
 */
public final class Jt808Server implements AutoCloseable {

  private final Jt808Services services;
  private final ChannelGroup connections = new DefaultChannelGroup("jt808", GlobalEventExecutor.INSTANCE);
  private EventLoopGroup acceptGroup;
  private EventLoopGroup ioGroup;
  private Channel serverChannel;

  public Jt808Server(Jt808ServerSettings settings, Jt808Registrations registrations, Jt808PositionSink sink,
      Jt808SessionListener listener, Clock clock) {
    this.services = new Jt808Services(settings, registrations, sink, listener, new Jt808Stats(), clock);
  }

  public Jt808Server(Jt808ServerSettings settings, Jt808Registrations registrations, Jt808PositionSink sink,
      Jt808SessionListener listener) {
    this(settings, registrations, sink, listener, Clock.systemUTC());
  }

  /**
   * Binds and starts accepting terminals.
   *
   * @param host address to bind ("0.0.0.0" for all, "127.0.0.1" for loopback)
   * @param port TCP port, 0 for an ephemeral one (see {@link #port()})
   * @throws UncheckedIOException when the port cannot be bound
   */
  public synchronized Jt808Server start(String host, int port) {
    if (serverChannel != null) {
      throw new IllegalStateException("already started");
    }
    NettyTransport transport = NettyTransport.best();
    acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cordon-jt808-accept"),
        transport.ioHandlerFactory());
    ioGroup = new MultiThreadIoEventLoopGroup(services.settings().ioThreads(), new DefaultThreadFactory("cordon-jt808-io"),
        transport.ioHandlerFactory());
    Jt808ChannelInitializer initializer = new Jt808ChannelInitializer(services);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptGroup, ioGroup)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(16 * 1024, 64 * 1024))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            connections.add(channel);
            initializer.initChannel(channel);
          }
        });
    try {
      serverChannel = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdownGroups();
      throw new IllegalStateException("interrupted while binding", e);
    } catch (RuntimeException e) {
      shutdownGroups();
      throw new UncheckedIOException(new IOException("cannot bind JT/T 808 server to " + host + ":" + port, e));
    }
    return this;
  }

  /** The bound port (the ephemeral one when started with 0). */
  public synchronized int port() {
    if (serverChannel == null) {
      throw new IllegalStateException("not started");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Counters of frames, messages and positions. */
  public Jt808Stats stats() {
    return services.stats();
  }

  /** Open terminal connections. */
  public int connections() {
    return connections.size();
  }

  /** Stops accepting, closes every connection and waits for the event loops to end. */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
      serverChannel = null;
    }
    shutdownGroups();
  }

  private void shutdownGroups() {
    if (acceptGroup != null) {
      acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      acceptGroup = null;
    }
    if (ioGroup != null) {
      ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      ioGroup = null;
    }
  }
}
