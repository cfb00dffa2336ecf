package io.cordon.client.video;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Relay playback URLs from live ones. The relay accepts a stream's ticket for its live picture and its recording
 * alike (recording.proto), so {@code …/live/{camera}/{profile}?ticket=…} plays the recording from an instant as
 * {@code …/playback/{camera}/{profile}?from=…&ticket=…}.
 */
public final class PlaybackLinks {
  private PlaybackLinks() {
  }

  /** The playback URL of the same stream from {@code from}, or the URL unchanged when it is not a relay live URL. */
  public static URI fromLive(URI live, Instant from) {
    String path = live.getRawPath();
    if (path == null || !path.startsWith("/live/")) {
      throw new IllegalArgumentException("not a relay live URL: " + live.getScheme() + "://" + live.getRawAuthority()
          + path);
    }
    String query = live.getRawQuery();
    String fromParam = "from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8);
    return URI.create(live.getScheme() + "://" + live.getRawAuthority() + "/playback/" + path.substring(6) + "?"
        + fromParam + (query == null || query.isEmpty() ? "" : "&" + query));
  }

  /** The same playback URL from another instant (e.g. an alarm evidence URL moved by a seek). */
  public static URI withFrom(URI playback, Instant from) {
    String query = playback.getRawQuery() == null ? "" : playback.getRawQuery();
    StringBuilder kept = new StringBuilder("from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
    for (String part : query.split("&")) {
      if (!part.isEmpty() && !part.startsWith("from=")) {
        kept.append('&').append(part);
      }
    }
    return URI.create(playback.getScheme() + "://" + playback.getRawAuthority() + playback.getRawPath() + "?" + kept);
  }

  /** The profile a relay stream URL names ({@code /live|playback/{camera}/{profile}}), or empty. */
  public static java.util.Optional<String> profileOf(URI url) {
    String[] parts = url.getRawPath() == null ? new String[0] : url.getRawPath().split("/");
    return parts.length == 4 ? java.util.Optional.of(parts[3]) : java.util.Optional.empty();
  }
}
