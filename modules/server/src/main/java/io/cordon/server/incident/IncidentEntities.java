package io.cordon.server.incident;

import java.util.List;

/** The Hibernate entities of incidents, for the database bootstrap. */
public final class IncidentEntities {
  private IncidentEntities() {
  }

  public static List<Class<?>> classes() {
    return List.of(IncidentRow.class, IncidentAlarmRow.class, IncidentSubjectRow.class);
  }
}
