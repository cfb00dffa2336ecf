package io.cordon.server.event;

import java.util.Objects;

/** A thing an event is about, e.g. ("sensor", "S-012"). */
public record SubjectKey(String kind, String id) {
  public SubjectKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
