package io.cordon.media.source;

import java.util.Objects;

/** Names one stream of one camera (no address, no login): what a standby set or a health entry refers to. */
public record StreamKey(String cameraId, StreamProfile profile) {
  public StreamKey {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(profile, "profile");
  }

  public static StreamKey of(CameraStream stream) {
    return new StreamKey(stream.cameraId(), stream.profile());
  }

  @Override
  public String toString() {
    return cameraId + "/" + profile.urlName();
  }
}
