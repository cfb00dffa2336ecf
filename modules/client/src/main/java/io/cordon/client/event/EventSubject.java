package io.cordon.client.event;

import java.util.Objects;

/** A thing an event is about, e.g. {@code sensor S-012} or {@code segment SEG-03}. */
public record EventSubject(String kind, String id) {
  public EventSubject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
