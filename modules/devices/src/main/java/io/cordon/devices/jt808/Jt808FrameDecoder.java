package io.cordon.devices.jt808;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a terminal's TCP stream into frames at 0x7e and emits a {@link Jt808FrameResult} for each
 * candidate: good frames and bad ones alike, so that the session can answer a bad checksum.
 *
 * <p>Every 0x7e is treated as a separator: the closing delimiter of one frame is kept as the
 * possible opening one of the next, so frames that share a delimiter, repeated 0x7e and garbage
 * between frames all leave the frames around them intact. Bytes before the first 0x7e are skipped.
 * A candidate longer than {@code maxFrameBytes} (escaped) is dropped up to the next 0x7e without
 * being buffered, so a terminal that never sends a delimiter cannot grow the buffer.
 */
public final class Jt808FrameDecoder extends ByteToMessageDecoder {

  /** Default maximum escaped frame length. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 2048;

  private static final byte DELIMITER = 0x7e;

  private final int maxFrameBytes;
  private final Jt808Stats stats;
  private final byte[] scratch;
  private boolean inFrame;

  public Jt808FrameDecoder(int maxFrameBytes, Jt808Stats stats) {
    if (maxFrameBytes < 16) {
      throw new IllegalArgumentException("maxFrameBytes too small: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
    this.stats = stats;
    this.scratch = new byte[maxFrameBytes];
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    // One frame per call: the session sees it before the next is cut, and when it turns reading
    // off (too many acks pending) the rest stays here undecoded until it turns reading back on.
    while (in.isReadable() && out.isEmpty() && ctx.channel().config().isAutoRead()) {
      if (!inFrame) {
        int opening = in.indexOf(in.readerIndex(), in.writerIndex(), DELIMITER);
        if (opening < 0) {
          stats.garbage(in.readableBytes());
          in.skipBytes(in.readableBytes());
          return;
        }
        stats.garbage(opening - in.readerIndex());
        in.readerIndex(opening);
        inFrame = true;
      }
      int start = in.readerIndex() + 1;
      int closing = in.indexOf(start, in.writerIndex(), DELIMITER);
      if (closing < 0) {
        if (in.writerIndex() - start > maxFrameBytes) {
          // Oversized: drop what we have; the rest up to the next 0x7e is skipped as garbage.
          stats.frameRejected(Jt808BadFrameReason.OVERSIZED);
          in.skipBytes(in.readableBytes());
          inFrame = false;
        }
        return;
      }
      int length = closing - start;
      if (length > maxFrameBytes) {
        stats.frameRejected(Jt808BadFrameReason.OVERSIZED);
      } else if (length > 0) {
        in.getBytes(start, scratch, 0, length);
        Jt808FrameResult result = Jt808FrameParser.parseEscaped(scratch, 0, length);
        if (result instanceof Jt808BadFrame bad) {
          stats.frameRejected(bad.reason());
        } else {
          stats.frameAccepted();
        }
        out.add(result);
      }
      in.readerIndex(closing);
    }
  }
}
