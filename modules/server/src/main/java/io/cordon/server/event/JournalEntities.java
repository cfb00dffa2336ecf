package io.cordon.server.event;

import java.util.List;

/** The Hibernate entities of the journal, for the database bootstrap. */
public final class JournalEntities {
  private JournalEntities() {
  }

  public static List<Class<?>> classes() {
    return List.of(EventRow.class, EventSubjectRow.class, JournalHeadRow.class, ProcessedRequestRow.class);
  }
}
