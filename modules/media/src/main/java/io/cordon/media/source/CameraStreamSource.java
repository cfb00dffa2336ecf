package io.cordon.media.source;

import java.util.Optional;

/**
 * Where the relay finds a camera's stream: camera id + profile to RTSP URL, login and size. The server
 * implements it over its camera registry; the standalone relay reads a {@link CameraListFile}.
 */
@FunctionalInterface
public interface CameraStreamSource {
  Optional<CameraStream> find(String cameraId, StreamProfile profile);
}
