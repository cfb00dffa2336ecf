package io.cordon.media.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One pullable stream of one camera. {@code rtspUrl} carries no credentials; they are kept apart and only
 * joined into the URL handed to ffmpeg ({@link #urlWithCredentials()}). {@link #toString()} is safe to log.
 */
public record CameraStream(
    String cameraId,
    StreamProfile profile,
    URI rtspUrl,
    Optional<StreamCredentials> credentials,
    Optional<Resolution> resolution) {

  public CameraStream {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(rtspUrl, "rtspUrl");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(resolution, "resolution");
    if (cameraId.isBlank()) {
      throw new IllegalArgumentException("cameraId must not be blank");
    }
    if (rtspUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "put camera credentials into StreamCredentials, not into the URL (" + CredentialMask.maskUserInfo(rtspUrl.toString()) + ")");
    }
  }

  public static CameraStream of(String cameraId, StreamProfile profile, URI rtspUrl) {
    return new CameraStream(cameraId, profile, rtspUrl, Optional.empty(), Optional.empty());
  }

  public CameraStream withCredentials(StreamCredentials login) {
    return new CameraStream(cameraId, profile, rtspUrl, Optional.of(login), resolution);
  }

  public CameraStream withResolution(Resolution size) {
    return new CameraStream(cameraId, profile, rtspUrl, credentials, Optional.of(size));
  }

  /** The URL for ffmpeg's {@code -i}: user and password percent-encoded into the authority. Never log it. */
  public String urlWithCredentials() {
    if (credentials.isEmpty()) {
      return rtspUrl.toString();
    }
    String userInfo = encode(credentials.get().username()) + ":" + encode(credentials.get().password());
    String s = rtspUrl.toString();
    int authorityStart = s.indexOf("://") + 3;
    return s.substring(0, authorityStart) + userInfo + "@" + s.substring(authorityStart);
  }

  /** Replaces anything secret of this stream in {@code text} (an ffmpeg line, an exception message) by {@code ***}. */
  public String mask(String text) {
    return CredentialMask.mask(text, credentials);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return cameraId + "/" + profile.urlName() + " " + rtspUrl + (credentials.isPresent() ? " (with login)" : "");
  }
}
