package io.cordon.devices.jt808;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The per-connection pipeline: idle watch, flush batching, framing, session. */
final class Jt808ChannelInitializer extends ChannelInitializer<Channel> {

  private final Jt808Services services;

  Jt808ChannelInitializer(Jt808Services services) {
    this.services = services;
  }

  @Override
  protected void initChannel(Channel channel) {
    Jt808ServerSettings settings = services.settings();
    channel.pipeline().addLast(
        new IdleStateHandler(settings.readIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
        // Replies written while a read is in progress go out in one flush at read-complete; the
        // acknowledgements a commit releases (outside any read) in one flush per event-loop turn.
        new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true),
        new Jt808FrameDecoder(settings.maxFrameBytes(), services.stats()),
        new Jt808SessionHandler(services));
  }
}
