package io.cordon.media.ticket;

import io.cordon.media.source.StreamProfile;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ticket wire form: {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}, payload
 * {@code v1 \n cameraId \n profile \n user \n expiryEpochSeconds} (UTF-8). URL-safe, no padding.
 */
final class TicketCodec {
  static final int MIN_SECRET_BYTES = 16;
  private static final String VERSION = "v1";
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  TicketCodec(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("ticket secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  String encode(StreamTicket t) {
    for (String field : new String[] {t.cameraId(), t.user()}) {
      if (field.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("ticket fields must not contain line breaks");
      }
    }
    String payload = String.join("\n", VERSION, t.cameraId(), t.profile().urlName(), t.user(),
        Long.toString(t.expiresAt().getEpochSecond()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENC.encodeToString(bytes) + "." + ENC.encodeToString(mac(bytes));
  }

  /** The ticket if its signature is right and its form valid; expiry and scope are the verifier's job. */
  Optional<StreamTicket> decode(String ticket) {
    int dot = ticket.indexOf('.');
    if (dot <= 0 || dot != ticket.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      byte[] payload = DEC.decode(ticket.substring(0, dot));
      byte[] signature = DEC.decode(ticket.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(payload))) {
        return Optional.empty();
      }
      String[] f = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
      if (f.length != 5 || !VERSION.equals(f[0])) {
        return Optional.empty();
      }
      Optional<StreamProfile> profile = StreamProfile.fromUrlName(f[2]);
      if (profile.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new StreamTicket(f[1], profile.get(), f[3], Instant.ofEpochSecond(Long.parseLong(f[4]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
