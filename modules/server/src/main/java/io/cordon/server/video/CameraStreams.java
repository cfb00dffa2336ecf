package io.cordon.server.video;

import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.source.StreamProfile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's current camera stream registry, replaceable while it runs: the embedded demo
 * registers its simulated cameras once they are up, an installer may reload the file. The media
 * relay and VideoService read through it.
 */
public final class CameraStreams implements CameraStreamSource {

  private final Park park;
  private volatile CameraStreamRegistry registry;
  private final List<Runnable> replaceListeners = new CopyOnWriteArrayList<>();

  public CameraStreams(Park park, CameraStreamRegistry registry) {
    this.park = park;
    this.registry = registry;
  }

  /** Replaces every stream with these (checked against the park: an unknown camera is refused). */
  public void replace(List<CameraStream> streams) {
    registry = CameraStreamRegistry.of(park, streams);
    replaceListeners.forEach(Runnable::run);
  }

  /** Runs {@code listener} after every {@link #replace} (e.g. to update the relay's standby streams). */
  public void onReplace(Runnable listener) {
    replaceListeners.add(listener);
  }

  /** Cameras with streams, in registry order. */
  public Set<String> cameraIds() {
    return registry.cameraIds();
  }

  /** A camera's streams, smallest first. */
  public List<CameraStream> streams(String cameraId) {
    return registry.streams(cameraId);
  }

  @Override
  public Optional<CameraStream> find(String cameraId, StreamProfile profile) {
    return registry.find(cameraId, profile);
  }
}
