package io.cordon.server.video;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One stream of one camera as the server and the media relay know it: where to pull it and with which
 * credentials. Clients only ever see the profile and the resolution; {@link #toString()} masks the
 * credentials so they never reach a log.
 */
public record CameraStreamSource(String cameraId, String profile, int width, int height, URI url,
    Optional<String> username, Optional<String> password) {

  public CameraStreamSource {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Pixels, to choose the smallest stream at least a tile's size. */
  public long pixels() {
    return (long) width * height;
  }

  @Override
  public String toString() {
    return "CameraStreamSource[" + cameraId + "/" + profile + " " + width + "x" + height + " " + maskedUrl()
        + (username.isPresent() ? " user=***" : "") + "]";
  }

  /** The URL without any user information, for logs and errors. */
  public String maskedUrl() {
    if (url.getRawUserInfo() == null) {
      return url.toString();
    }
    return url.getScheme() + "://***@" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
        + Optional.ofNullable(url.getRawPath()).orElse("")
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
  }
}
