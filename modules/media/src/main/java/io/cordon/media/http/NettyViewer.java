package io.cordon.media.http;

import io.cordon.media.fanout.Viewer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP client as a viewer: each chunk becomes one HTTP chunk. Its queue is Netty's outbound buffer,
 * bounded by {@code maxQueuedBytes} counted here (written but not yet on the socket); beyond it the viewer
 * is cut off rather than buffered without end.
 */
final class NettyViewer implements Viewer {
  private static final Logger LOG = LoggerFactory.getLogger(NettyViewer.class);

  private final Channel channel;
  private final long maxQueuedBytes;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicBoolean gone = new AtomicBoolean();

  NettyViewer(Channel channel, long maxQueuedBytes) {
    this.channel = channel;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  @Override
  public boolean offer(byte[] packets) {
    if (gone.get() || !channel.isActive()) {
      return false;
    }
    if (queued.addAndGet(packets.length) > maxQueuedBytes) {
      queued.addAndGet(-packets.length);
      return false;
    }
    // wrappedBuffer shares the array: all viewers send the same bytes without copying
    channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(packets))).addListener(f -> {
      queued.addAndGet(-packets.length);
      if (!f.isSuccess()) {
        disconnect("write failed");
      }
    });
    return true;
  }

  @Override
  public void disconnect(String reason) {
    if (gone.compareAndSet(false, true)) {
      LOG.info("viewer {} disconnected: {}", channel.remoteAddress(), reason);
      channel.close();
    }
  }
}
