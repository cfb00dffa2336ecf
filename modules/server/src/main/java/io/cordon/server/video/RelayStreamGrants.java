package io.cordon.server.video;

import io.cordon.media.relay.MediaRelay;
import io.cordon.media.relay.RelayUrls;
import io.cordon.media.source.CameraStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Grants through a media relay: a ticket for the user, valid long enough to start playing (the relay
 * checks it when a stream opens; a reconnecting player asks again).
 */
public final class RelayStreamGrants implements StreamGrants {

  static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

  private final MediaRelay relay;
  private final RelayUrls urls;
  private final Clock clock;

  /**
   * @param publicUrl the relay's address as clients reach it (media.public-url), e.g. when it listens
   *     on every interface or behind NAT; empty for the address it listens on
   */
  public RelayStreamGrants(MediaRelay relay, Optional<URI> publicUrl, Clock clock) {
    this.relay = relay;
    this.urls = publicUrl.map(RelayUrls::new).orElse(relay.urls());
    this.clock = clock;
  }

  @Override
  public Grant grant(CameraStream stream, String username) {
    Instant expires = clock.instant().plus(TICKET_LIFETIME);
    String ticket = relay.ticketIssuer().issue(stream.cameraId(), stream.profile(), username, TICKET_LIFETIME);
    return new Grant(urls.live(stream.cameraId(), stream.profile(), ticket).toString(), expires);
  }
}
