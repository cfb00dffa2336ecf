package io.cordon.domain.violation;

import io.cordon.domain.permit.TimeWindow;
import java.util.List;

/** Port to the stored blacklist; the server implements it. */
public interface BlacklistLookup {

  /** Every entry ever made for the subject, expired and lifted ones included. */
  List<BlacklistEntry> entriesFor(Subject subject);

  /** The entries that apply at some moment of the window. */
  default List<BlacklistEntry> activeDuring(Subject subject, TimeWindow window) {
    return entriesFor(subject).stream().filter(e -> e.activeDuring(window)).toList();
  }
}
