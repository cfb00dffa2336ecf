package io.cordon.devices.jt808;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the JT/T 808 server.
 *
 * @param readIdleTimeout a connection silent this long is closed (terminals send heartbeats, by
 *     default every 60 s)
 * @param maxFrameBytes largest escaped frame; longer ones are dropped up to the next 0x7e
 * @param maxPendingAcks positions messages of one connection that may wait for the sink before the
 *     connection stops reading (backpressure instead of an unbounded queue)
 * @param requireAuthentication whether locations are refused (result 1) until the terminal has
 *     authenticated; when false they are taken and marked unauthenticated
 * @param subpackageTimeout incomplete split messages older than this are dropped
 * @param maxSubpackageBytes bytes of incomplete split messages one connection may hold
 * @param ioThreads event-loop threads for connections (0 = Netty's default)
 */
public record Jt808ServerSettings(Duration readIdleTimeout, int maxFrameBytes, int maxPendingAcks,
    boolean requireAuthentication, Duration subpackageTimeout, int maxSubpackageBytes, int ioThreads) {

  public Jt808ServerSettings {
    Objects.requireNonNull(readIdleTimeout, "readIdleTimeout");
    Objects.requireNonNull(subpackageTimeout, "subpackageTimeout");
    if (maxPendingAcks < 1 || maxSubpackageBytes < 1 || ioThreads < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 180 s idle (three missed heartbeats), 2 KiB frames, 64 pending acks, authentication required. */
  public static Jt808ServerSettings defaults() {
    return new Jt808ServerSettings(Duration.ofSeconds(180), Jt808FrameDecoder.DEFAULT_MAX_FRAME_BYTES, 64, true,
        Duration.ofSeconds(60), 64 * 1024, 0);
  }

  public Jt808ServerSettings withReadIdleTimeout(Duration timeout) {
    return new Jt808ServerSettings(timeout, maxFrameBytes, maxPendingAcks, requireAuthentication, subpackageTimeout,
        maxSubpackageBytes, ioThreads);
  }

  public Jt808ServerSettings withRequireAuthentication(boolean require) {
    return new Jt808ServerSettings(readIdleTimeout, maxFrameBytes, maxPendingAcks, require, subpackageTimeout,
        maxSubpackageBytes, ioThreads);
  }

  public Jt808ServerSettings withMaxPendingAcks(int max) {
    return new Jt808ServerSettings(readIdleTimeout, maxFrameBytes, max, requireAuthentication, subpackageTimeout,
        maxSubpackageBytes, ioThreads);
  }

  public Jt808ServerSettings withSubpackageLimits(Duration timeout, int maxBytes) {
    return new Jt808ServerSettings(readIdleTimeout, maxFrameBytes, maxPendingAcks, requireAuthentication, timeout,
        maxBytes, ioThreads);
  }

  public Jt808ServerSettings withIoThreads(int threads) {
    return new Jt808ServerSettings(readIdleTimeout, maxFrameBytes, maxPendingAcks, requireAuthentication,
        subpackageTimeout, maxSubpackageBytes, threads);
  }
}
