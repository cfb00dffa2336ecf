package io.cordon.server.video;

import io.cordon.media.relay.MediaRelay;
import io.cordon.media.source.CameraStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Grants through a media relay: a ticket for the user, valid long enough to start playing (the relay
 * checks it when a stream opens; a reconnecting player asks again).
 */
public final class RelayStreamGrants implements StreamGrants {

  static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

  private final MediaRelay relay;
  private final Clock clock;

  public RelayStreamGrants(MediaRelay relay, Clock clock) {
    this.relay = relay;
    this.clock = clock;
  }

  @Override
  public Grant grant(CameraStream stream, String username) {
    Instant expires = clock.instant().plus(TICKET_LIFETIME);
    return new Grant(relay.liveUrl(stream.cameraId(), stream.profile(), username, TICKET_LIFETIME).toString(),
        expires);
  }
}
