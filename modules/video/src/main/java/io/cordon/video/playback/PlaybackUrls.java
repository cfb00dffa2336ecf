package io.cordon.video.playback;

import io.cordon.domain.park.CameraId;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Where a player gets a relay URL that plays a camera's recording from an instant
 * ({@code /playback/{camera}/{profile}?from=…&ticket=…}; the app asks the server, which knows the recorded
 * profile and issues the ticket). Asked again on every seek because tickets expire. Must not block.
 */
@FunctionalInterface
public interface PlaybackUrls {
  CompletionStage<URI> playbackUrl(CameraId camera, Instant from);
}
