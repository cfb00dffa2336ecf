package io.cordon.server.timeline;

import io.cordon.api.v1.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a timeline with an {@code incident_id} adds: the incident's window and subjects. */
@FunctionalInterface
public interface IncidentScopes {

  /** No incidents known: every incident_id is NOT_FOUND. */
  IncidentScopes NONE = incidentId -> Optional.empty();

  Optional<Scope> scope(String incidentId);

  /** An incident's window [from, to) and the subjects it is about (the incident itself among them). */
  record Scope(Instant from, Instant to, List<SubjectRef> subjects) {
    public Scope {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      subjects = List.copyOf(subjects);
    }
  }
}
