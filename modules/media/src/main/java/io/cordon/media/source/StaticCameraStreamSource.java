package io.cordon.media.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed set of streams, replaceable at run time (the server may push registry changes). */
public final class StaticCameraStreamSource implements CameraStreamSource {
  private final Map<String, CameraStream> streams = new ConcurrentHashMap<>();

  public StaticCameraStreamSource(Collection<CameraStream> initial) {
    initial.forEach(this::put);
  }

  public static StaticCameraStreamSource of(CameraStream... streams) {
    return new StaticCameraStreamSource(List.of(streams));
  }

  public void put(CameraStream stream) {
    streams.put(key(stream.cameraId(), stream.profile()), stream);
  }

  public void remove(String cameraId, StreamProfile profile) {
    streams.remove(key(cameraId, profile));
  }

  public List<CameraStream> all() {
    return List.copyOf(streams.values());
  }

  @Override
  public Optional<CameraStream> find(String cameraId, StreamProfile profile) {
    return Optional.ofNullable(streams.get(key(cameraId, profile)));
  }

  private static String key(String cameraId, StreamProfile profile) {
    return cameraId + "\n" + profile.urlName();
  }
}
