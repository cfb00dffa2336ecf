package io.cordon.media.ticket;

import io.cordon.media.source.StreamProfile;
import java.time.Instant;
import java.util.Objects;

/** What a ticket grants: {@code user} may open {@code profile} of {@code cameraId} until {@code expiresAt}. */
public record StreamTicket(String cameraId, StreamProfile profile, String user, Instant expiresAt) {
  public StreamTicket {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
