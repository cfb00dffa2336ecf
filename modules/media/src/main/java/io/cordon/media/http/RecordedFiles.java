package io.cordon.media.http;

import io.cordon.media.record.PlaybackPlan;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends recorded files (playback: consecutive segments; exports: one clip) as one HTTP body, read on threads of
 * their own so the event loop never waits for the disk. Writing waits while the socket is not writable, so a
 * slow client holds at most one piece in memory.
 */
final class RecordedFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RecordedFiles.class);
  private static final int PIECE = 64 * 1024;
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "relay-playback-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private RecordedFiles() {}

  /** Sends the plan's prefix and pieces one after the other, then ends the body and closes the connection. */
  static void send(Channel channel, PlaybackPlan plan) {
    READERS.execute(() -> {
      try {
        if (plan.prefix().length > 0) {
          channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(plan.prefix())));
        }
        for (PlaybackPlan.Piece piece : plan.pieces()) {
          if (!channel.isActive()) {
            return;
          }
          try (InputStream in = Files.newInputStream(piece.file())) {
            in.skipNBytes(piece.offset());
            long left = piece.length();
            byte[] chunk;
            while (channel.isActive() && left > 0
                && (chunk = in.readNBytes((int) Math.min(PIECE, left))).length > 0) {
              left -= chunk.length;
              ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
              if (!channel.isWritable()) {
                written.await(30, TimeUnit.SECONDS);
              }
            }
          } catch (java.nio.file.NoSuchFileException deleted) {
            // a segment being written was closed (renamed) or retention deleted one: the player asks again
            LOG.info("playback: {} is gone (closed or deleted) while being sent; skipped", piece.file().getFileName());
          }
        }
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
      } catch (java.io.EOFException e) {
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
      } catch (IOException e) {
        LOG.warn("playback: reading recorded files failed: {}", e.toString());
        channel.close();
      } catch (InterruptedException e) {
        channel.close();
        Thread.currentThread().interrupt();
      } catch (RejectedExecutionException e) {
        // the relay closed while this was being sent: its event loop is gone, and the connection with it
        LOG.debug("playback: the relay closed while sending");
      }
    });
  }
}
