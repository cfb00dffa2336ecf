package io.cordon.video.camera;

import io.cordon.domain.park.CameraId;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Where the wall gets a playable URL for one stream of a camera. The app asks the server for a
 * ticketed relay URL (HTTP MPEG-TS); the wall asks again on every (re)connect because tickets expire.
 * Complete exceptionally with {@link StreamUnavailableException} to tell the operator why not.
 * Never called on the FX thread's behalf synchronously: implementations must not block.
 */
@FunctionalInterface
public interface StreamUrls {
  CompletionStage<URI> urlFor(CameraId camera, String profile);
}
