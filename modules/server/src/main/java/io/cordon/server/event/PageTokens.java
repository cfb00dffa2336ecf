package io.cordon.server.event;

import io.cordon.api.v1.QueryEventsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Opaque page tokens: where the previous page ended plus a checksum of the query, so a token is
 * refused when it is used with a different query.
 */
final class PageTokens {
  private static final String VERSION = "q1";

  private PageTokens() {
  }

  static String encode(QueryCursor cursor, QueryEventsRequest request) {
    String text = VERSION + ":" + cursor.occurredAt().getEpochSecond() + ":" + cursor.occurredAt().getNano()
        + ":" + cursor.seq() + ":" + fingerprint(request);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor, or empty when the token is malformed or belongs to another query. */
  static Optional<QueryCursor> decode(String token, QueryEventsRequest request) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = text.split(":");
      if (parts.length != 5 || !parts[0].equals(VERSION)
          || Long.parseLong(parts[4]) != fingerprint(request)) {
        return Optional.empty();
      }
      Instant time = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return Optional.of(new QueryCursor(time, Long.parseLong(parts[3])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static long fingerprint(QueryEventsRequest request) {
    CRC32 crc = new CRC32();
    crc.update(request.toBuilder().clearPageToken().clearPageSize().build().toByteArray());
    return crc.getValue();
  }
}
