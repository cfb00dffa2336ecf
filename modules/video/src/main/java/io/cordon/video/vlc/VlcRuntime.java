package io.cordon.video.vlc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.factory.discovery.strategy.LinuxNativeDiscoveryStrategy;
import uk.co.caprica.vlcj.factory.discovery.strategy.NativeDiscoveryStrategy;
import uk.co.caprica.vlcj.factory.discovery.strategy.OsxNativeDiscoveryStrategy;
import uk.co.caprica.vlcj.factory.discovery.strategy.WindowsNativeDiscoveryStrategy;

/**
 * libVLC for the whole wall: one MediaPlayerFactory, one control thread for the calls that may block
 * (play, stop, release never run on the FX thread or on a vlcj callback thread), and counters of
 * players created and released so leaks show. When libVLC cannot be found the runtime is
 * "unavailable" and every tile says so; nothing else breaks.
 */
public final class VlcRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VlcRuntime.class);
  /** A wall shows video, not sound; OSD and title would draw into our frames. */
  private static final List<String> FACTORY_ARGS =
      List.of("--no-audio", "--quiet", "--no-video-title-show", "--no-osd", "--no-spu", "--no-snapshot-preview");

  private final MediaPlayerFactory factory;
  private final String unavailableDetail;
  private final ExecutorService control;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger released = new AtomicInteger();

  private VlcRuntime(MediaPlayerFactory factory, String unavailableDetail) {
    this.factory = factory;
    this.unavailableDetail = unavailableDetail;
    this.control = factory == null ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cordon-video-control");
      t.setDaemon(true);
      return t;
    });
  }

  /** Finds the system libVLC with vlcj's standard search (Linux, macOS, Windows locations). */
  public static VlcRuntime discover() {
    return discover(new LinuxNativeDiscoveryStrategy(), new OsxNativeDiscoveryStrategy(), new WindowsNativeDiscoveryStrategy());
  }

  /**
   * Looks for libVLC with the given strategies; none finding it gives an unavailable runtime. The
   * strategies are asked here first because vlcj remembers a successful discovery JVM-wide.
   */
  public static VlcRuntime discover(NativeDiscoveryStrategy... strategies) {
    boolean found = false;
    for (NativeDiscoveryStrategy strategy : strategies) {
      found |= strategy.supported() && strategy.discover() != null;
    }
    if (!found) {
      LOG.warn("libVLC not found: the video wall shows 'VLC not installed' on every tile");
      return new VlcRuntime(null, "native discovery found no libvlc");
    }
    try {
      NativeDiscovery discovery = new NativeDiscovery(strategies);
      if (!discovery.discover()) {
        return new VlcRuntime(null, "libvlc found but could not be loaded");
      }
      return new VlcRuntime(new MediaPlayerFactory(discovery, FACTORY_ARGS), null);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("libVLC could not be loaded: {}", e.toString());
      return new VlcRuntime(null, e.toString());
    }
  }

  public boolean available() {
    return factory != null;
  }

  /** Why libVLC is unavailable, for logs; empty when it is available. */
  public Optional<String> unavailableDetail() {
    return Optional.ofNullable(unavailableDetail);
  }

  /** A new player rendering into its own surface; the caller must {@link TilePlayer#release()} it. */
  public TilePlayer newPlayer(FrameSurface surface, TilePlayer.Listener listener) {
    if (factory == null) {
      throw new IllegalStateException("libVLC is not available");
    }
    created.incrementAndGet();
    return new TilePlayer(factory, control, surface, listener, released::incrementAndGet);
  }

  public int playersCreated() {
    return created.get();
  }

  public int playersReleased() {
    return released.get();
  }

  /** Releases the factory after every queued player release has run. */
  @Override
  public void close() {
    if (factory == null) {
      return;
    }
    control.submit(factory::release);
    control.shutdown();
    try {
      if (!control.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("libVLC control thread did not finish within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
