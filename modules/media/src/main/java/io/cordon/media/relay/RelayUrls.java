package io.cordon.media.relay;

import io.cordon.media.source.StreamProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds relay stream URLs: {@code http://host:port/live/{cameraId}/{main|sub}?ticket=…} (camera id
 * percent-encoded). The server uses it with the base URL of an embedded or a separate relay.
 */
public record RelayUrls(URI base) {
  public RelayUrls {
    String s = base.toString();
    if (s.endsWith("/")) {
      base = URI.create(s.substring(0, s.length() - 1));
    }
  }

  public URI live(String cameraId, StreamProfile profile, String ticket) {
    return URI.create(base + "/live/" + encode(cameraId) + "/" + profile.urlName() + "?ticket=" + encode(ticket));
  }

  /**
   * The recording of a stream played from {@code from} on as one continuous TS:
   * {@code /playback/{cameraId}/{main|sub}?from=2026-11-26T08:00:00Z&ticket=…} (a ticket for that stream).
   */
  public URI playback(String cameraId, StreamProfile profile, java.time.Instant from, String ticket) {
    return URI.create(base + "/playback/" + encode(cameraId) + "/" + profile.urlName() + "?from=" + encode(from.toString())
        + "&ticket=" + encode(ticket));
  }

  /** An exported clip: {@code /exports/{fileName}?ticket=…} (a ticket for camera {@code export:<fileName>}). */
  public URI export(String fileName, String ticket) {
    return URI.create(base + "/exports/" + encode(fileName) + "?ticket=" + encode(ticket));
  }

  public URI health() {
    return URI.create(base + "/health");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
