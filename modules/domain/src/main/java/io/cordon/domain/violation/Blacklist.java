package io.cordon.domain.violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An immutable list of entries answering {@link BlacklistLookup}; for tests and small deployments. */
public record Blacklist(List<BlacklistEntry> entries) implements BlacklistLookup {

  public Blacklist {
    entries = List.copyOf(entries);
  }

  public static Blacklist empty() {
    return new Blacklist(List.of());
  }

  /** A copy with the entry added, or replacing the entry of the same id. */
  public Blacklist with(BlacklistEntry entry) {
    List<BlacklistEntry> n = new ArrayList<>(entries);
    n.removeIf(e -> e.id().equals(entry.id()));
    n.add(entry);
    return new Blacklist(n);
  }

  public Blacklist withAll(List<BlacklistEntry> added) {
    Blacklist b = this;
    for (BlacklistEntry e : added) {
      b = b.with(e);
    }
    return b;
  }

  @Override
  public List<BlacklistEntry> entriesFor(Subject subject) {
    return entries.stream().filter(e -> e.subject().equals(subject)).toList();
  }

  public List<BlacklistEntry> activeAt(Instant at) {
    return entries.stream().filter(e -> e.activeAt(at)).toList();
  }

  public Optional<BlacklistEntry> entry(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
