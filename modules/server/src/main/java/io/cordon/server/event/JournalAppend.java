package io.cordon.server.event;

import java.util.Objects;
import java.util.Optional;

/**
 * One event to append with {@link EventJournal#appendAll}: with a request key it is idempotent
 * like {@link EventJournal#appendOnce} (a key recorded before, or earlier in the same batch,
 * records nothing and yields the event recorded then), without one it is always recorded.
 */
public record JournalAppend(Optional<String> requestKey, NewEvent event) {

  static final int MAX_REQUEST_KEY_LENGTH = 200;

  public JournalAppend {
    Objects.requireNonNull(requestKey, "requestKey");
    Objects.requireNonNull(event, "event");
    requestKey.ifPresent(JournalAppend::requireValidKey);
  }

  /** An append recorded every time. */
  public static JournalAppend of(NewEvent event) {
    return new JournalAppend(Optional.empty(), event);
  }

  /** An append recorded once per {@code requestKey} (1..200 characters). */
  public static JournalAppend once(String requestKey, NewEvent event) {
    return new JournalAppend(Optional.of(Objects.requireNonNull(requestKey, "requestKey")), event);
  }

  static void requireValidKey(String requestKey) {
    if (requestKey == null || requestKey.isEmpty() || requestKey.length() > MAX_REQUEST_KEY_LENGTH) {
      throw new IllegalArgumentException("requestKey must be 1.." + MAX_REQUEST_KEY_LENGTH + " characters");
    }
  }
}
