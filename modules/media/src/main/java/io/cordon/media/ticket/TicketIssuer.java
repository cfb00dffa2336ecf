package io.cordon.media.ticket;

import io.cordon.media.source.StreamProfile;
import java.time.Clock;
import java.time.Duration;

/**
 * Issues stream tickets; the server calls it after checking that the user may see the camera. The relay
 * shares the secret and checks tickets with {@link TicketVerifier}. A ticket is checked when a stream is
 * opened, so its lifetime only needs to cover the time until the client connects (e.g. 60 s).
 */
public final class TicketIssuer {
  private final TicketCodec codec;
  private final Clock clock;

  public TicketIssuer(byte[] secret, Clock clock) {
    this.codec = new TicketCodec(secret);
    this.clock = clock;
  }

  public TicketIssuer(byte[] secret) {
    this(secret, Clock.systemUTC());
  }

  public String issue(String cameraId, StreamProfile profile, String user, Duration lifetime) {
    return issue(new StreamTicket(cameraId, profile, user, clock.instant().plus(lifetime)));
  }

  public String issue(StreamTicket ticket) {
    return codec.encode(ticket);
  }
}
