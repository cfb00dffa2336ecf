package io.cordon.media.relay;

import io.cordon.media.pull.PullSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a media relay.
 *
 * @param host address to bind ({@code 127.0.0.1} embedded, {@code 0.0.0.0} for a site relay)
 * @param port 0 = a free port, see {@link MediaRelay#port()}
 * @param ticketSecret shared with the server's {@link io.cordon.media.ticket.TicketIssuer} (at least 16 bytes)
 * @param linger how long a pull keeps running after its last viewer left
 * @param viewerQueueBytes a viewer with more than this queued is disconnected
 * @param viewerSendBufferBytes socket send buffer per viewer, 0 = OS default
 * @param gopCache send new viewers the current GOP so they show a picture at once (adds up to one GOP of delay)
 * @param maxGopBytes a GOP bigger than this is not cached
 */
public record RelayConfig(
    String host,
    int port,
    byte[] ticketSecret,
    PullSettings pull,
    Duration linger,
    long viewerQueueBytes,
    int viewerSendBufferBytes,
    boolean gopCache,
    long maxGopBytes) {

  public RelayConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(ticketSecret, "ticketSecret");
    Objects.requireNonNull(pull, "pull");
    Objects.requireNonNull(linger, "linger");
    ticketSecret = ticketSecret.clone();
  }

  /** Loopback, free port, 10 s linger, 4 MB per viewer, GOP cache on. */
  public static RelayConfig defaults(byte[] ticketSecret) {
    return new RelayConfig("127.0.0.1", 0, ticketSecret, PullSettings.defaults(), Duration.ofSeconds(10),
        4L << 20, 0, true, 8L << 20);
  }

  @Override
  public byte[] ticketSecret() {
    return ticketSecret.clone();
  }

  public RelayConfig withAddress(String bindHost, int bindPort) {
    return new RelayConfig(bindHost, bindPort, ticketSecret, pull, linger, viewerQueueBytes, viewerSendBufferBytes,
        gopCache, maxGopBytes);
  }

  public RelayConfig withPull(PullSettings settings) {
    return new RelayConfig(host, port, ticketSecret, settings, linger, viewerQueueBytes, viewerSendBufferBytes,
        gopCache, maxGopBytes);
  }

  public RelayConfig withLinger(Duration duration) {
    return new RelayConfig(host, port, ticketSecret, pull, duration, viewerQueueBytes, viewerSendBufferBytes,
        gopCache, maxGopBytes);
  }

  public RelayConfig withViewerLimits(long queueBytes, int sendBufferBytes) {
    return new RelayConfig(host, port, ticketSecret, pull, linger, queueBytes, sendBufferBytes, gopCache, maxGopBytes);
  }

  public RelayConfig withGopCache(boolean enabled) {
    return new RelayConfig(host, port, ticketSecret, pull, linger, viewerQueueBytes, viewerSendBufferBytes, enabled,
        maxGopBytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelayConfig c && c.host.equals(host) && c.port == port
        && java.util.Arrays.equals(c.ticketSecret, ticketSecret) && c.pull.equals(pull) && c.linger.equals(linger)
        && c.viewerQueueBytes == viewerQueueBytes && c.viewerSendBufferBytes == viewerSendBufferBytes
        && c.gopCache == gopCache && c.maxGopBytes == maxGopBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, java.util.Arrays.hashCode(ticketSecret), pull, linger, viewerQueueBytes);
  }

  @Override
  public String toString() {
    return "RelayConfig[" + host + ":" + port + ", secret=***, " + pull + ", linger=" + linger + ", viewerQueueBytes="
        + viewerQueueBytes + ", gopCache=" + gopCache + "]";
  }
}
