package io.cordon.media.ticket;

import io.cordon.media.source.StreamProfile;
import java.time.Clock;
import java.util.Optional;

/** Checks a ticket's signature, scope (camera and profile) and expiry. */
public final class TicketVerifier {
  private final TicketCodec codec;
  private final Clock clock;

  public TicketVerifier(byte[] secret, Clock clock) {
    this.codec = new TicketCodec(secret);
    this.clock = clock;
  }

  public TicketVerifier(byte[] secret) {
    this(secret, Clock.systemUTC());
  }

  public TicketCheck check(String ticket, String cameraId, StreamProfile profile) {
    Optional<StreamTicket> decoded = codec.decode(ticket);
    if (decoded.isEmpty()) {
      return new TicketCheck.Rejected("invalid ticket");
    }
    StreamTicket t = decoded.get();
    if (!t.cameraId().equals(cameraId)) {
      return new TicketCheck.Rejected("ticket is for another camera");
    }
    if (t.profile() != profile) {
      return new TicketCheck.Rejected("ticket is for another stream profile");
    }
    if (!clock.instant().isBefore(t.expiresAt())) {
      return new TicketCheck.Rejected("ticket expired");
    }
    return new TicketCheck.Accepted(t);
  }
}
