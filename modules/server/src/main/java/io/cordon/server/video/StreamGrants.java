package io.cordon.server.video;

import io.cordon.media.source.CameraStream;
import java.time.Instant;

/** Issues a viewer's ticketed relay URL for one camera stream (the media relay's side of OpenStream). */
public interface StreamGrants {

  /** A URL this user may start playing until {@code expiresAt}. */
  Grant grant(CameraStream stream, String username);

  record Grant(String url, Instant expiresAt) {
  }
}
