package io.cordon.media.relay;

import io.cordon.media.fanout.LivePulls;
import io.cordon.media.http.RelayHttpServer;
import io.cordon.media.pull.CameraPull;
import io.cordon.media.pull.PullHealth;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.ticket.TicketIssuer;
import io.cordon.media.ticket.TicketVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media relay: an HTTP server that streams each camera as MPEG-TS to any number of viewers, pulling the
 * camera with ffmpeg only while someone watches. Embedded by the server ({@link #start}) or run alone
 * ({@link MediaRelayMain}). Closing it stops every ffmpeg child.
 *
 * <p>Streams on standby ({@link #setStandby}) are pulled with no viewer, so the first viewer of such a
 * stream (a camera an alarm brings into the wall) starts from the cached GOP at once.
 */
public final class MediaRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaRelay.class);

  private final RelayConfig config;
  private final LivePulls pulls;
  private final RelayHttpServer http;
  private final RelayUrls urls;
  private final CameraStreamSource source;
  /** Set once by {@link #startRecording}; the HTTP server reads it for playback and exports. */
  private final java.util.concurrent.atomic.AtomicReference<io.cordon.media.record.Recordings> recordings;
  /** Standby keys the source did not know at the last {@link #setStandby}; each is logged once. */
  private Set<StreamKey> unknownStandby = Set.of();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private MediaRelay(RelayConfig config, LivePulls pulls, RelayHttpServer http, CameraStreamSource source,
      java.util.concurrent.atomic.AtomicReference<io.cordon.media.record.Recordings> recordings) {
    this.config = config;
    this.recordings = recordings;
    this.source = source;
    this.pulls = pulls;
    this.http = http;
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    this.urls = new RelayUrls(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.port()));
  }

  /** A JVM that ends without {@link #close()} (killed) must not leave its ffmpeg pulls running. */
  private final Thread reaper = new Thread(this::close, "media-relay-reaper");

  public static MediaRelay start(RelayConfig config, CameraStreamSource source) throws InterruptedException {
    LivePulls pulls = new LivePulls(config.pull(), config.linger(), config.gopCache(), config.maxGopBytes());
    try {
      var recordings = new java.util.concurrent.atomic.AtomicReference<io.cordon.media.record.Recordings>();
      RelayHttpServer http = new RelayHttpServer(config.host(), config.port(), pulls, source,
          new TicketVerifier(config.ticketSecret()), config.viewerQueueBytes(), config.viewerSendBufferBytes(),
          () -> Optional.ofNullable(recordings.get()));
      MediaRelay relay = new MediaRelay(config, pulls, http, source, recordings);
      Runtime.getRuntime().addShutdownHook(relay.reaper);
      LOG.info("media relay listening on {}:{}", config.host(), http.port());
      return relay;
    } catch (RuntimeException | InterruptedException e) {
      pulls.close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  /** The base URL as seen from this host, e.g. {@code http://127.0.0.1:43121}. */
  public RelayUrls urls() {
    return urls;
  }

  /** A ticket issuer with this relay's secret (the embedding server may use it directly). */
  public TicketIssuer ticketIssuer() {
    return new TicketIssuer(config.ticketSecret());
  }

  /** A ticketed URL playing the recording of a stream from {@code from} on. */
  public URI playbackUrl(String cameraId, StreamProfile profile, java.time.Instant from, String user,
      Duration lifetime) {
    return urls.playback(cameraId, profile, from, ticketIssuer().issue(cameraId, profile, user, lifetime));
  }

  /** A ticketed URL downloading an exported clip (the ticket's camera is {@code export:<fileName>}). */
  public URI exportUrl(String fileName, String user, Duration lifetime) {
    return urls.export(fileName, ticketIssuer().issue("export:" + fileName, StreamProfile.MAIN, user, lifetime));
  }

  /** A ready-to-play URL: issues a ticket for {@code user} valid for {@code lifetime}. */
  public URI liveUrl(String cameraId, StreamProfile profile, String user, Duration lifetime) {
    return urls.live(cameraId, profile, ticketIssuer().issue(cameraId, profile, user, lifetime));
  }

  public URI liveUrl(String cameraId, StreamProfile profile, String ticket) {
    return urls.live(cameraId, profile, ticket);
  }

  /**
   * Keeps exactly these streams pulled whether anyone watches or not (replaces the previous set; call it
   * again whenever the set or the cameras change). Added streams start their pull at once; removed ones stop
   * {@code linger} after their last viewer, as if that viewer had just left. A stream the camera source does
   * not know is logged (once while it stays unknown) and skipped. Each stream is looked up again on every
   * call, so a camera whose address changed is pulled from its new address.
   */
  public synchronized void setStandby(Set<StreamKey> streams) {
    List<CameraStream> known = new ArrayList<>();
    Set<StreamKey> unknown = new HashSet<>();
    for (StreamKey key : streams) {
      Optional<CameraStream> stream = source.find(key.cameraId(), key.profile());
      if (stream.isPresent()) {
        known.add(stream.get());
      } else {
        unknown.add(key);
        if (!unknownStandby.contains(key)) {
          LOG.warn("standby stream {} is not a camera stream this relay knows; skipped", key);
        }
      }
    }
    unknownStandby = Set.copyOf(unknown);
    pulls.standby(known);
  }

  /** Health of every running pull: the watched ones and those on standby (anything else is not pulled). */
  public List<PullHealth> health() {
    return pulls.health();
  }

  /** The running pull of a stream (tests and diagnostics). */
  public Optional<CameraPull> pull(String cameraId, StreamProfile profile) {
    return pulls.pull(cameraId, profile);
  }

  /**
   * Starts continuous recording (once; later calls return the same instance): choose the streams with
   * {@link io.cordon.media.record.Recordings#record}. Recorded streams are pulled with nobody watching.
   */
  public synchronized io.cordon.media.record.Recordings startRecording(
      io.cordon.media.record.RecordingSettings settings, io.cordon.media.record.SegmentCatalog catalog,
      java.time.Clock clock) {
    if (recordings.get() == null) {
      recordings.set(new io.cordon.media.record.Recordings(pulls, source, settings, catalog, clock));
    }
    return recordings.get();
  }

  /** The recordings, once {@link #startRecording} ran. */
  public synchronized Optional<io.cordon.media.record.Recordings> recordings() {
    return Optional.ofNullable(recordings.get());
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // this is the hook running
    }
    http.close();
    synchronized (this) {
      if (recordings.get() != null) {
        recordings.get().close(); // before the pulls: each running segment is closed and indexed
      }
    }
    pulls.close();
    LOG.info("media relay closed");
  }
}
