package io.cordon.server.event;

import java.util.Objects;

/** A thing an event is about, e.g. ("sensor", "S-012"); both parts fit their journal columns. */
public record SubjectKey(String kind, String id) {

  static final int MAX_KIND_LENGTH = 32;
  static final int MAX_ID_LENGTH = 128;

  public SubjectKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Texts.requireStorable("subject kind", kind, 1, MAX_KIND_LENGTH);
    Texts.requireStorable("subject id", id, 1, MAX_ID_LENGTH);
  }
}
