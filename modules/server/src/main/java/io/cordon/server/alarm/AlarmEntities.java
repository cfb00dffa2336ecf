package io.cordon.server.alarm;

import java.util.List;

/** The Hibernate entities of the alarm center, for the database bootstrap. */
public final class AlarmEntities {
  private AlarmEntities() {
  }

  public static List<Class<?>> classes() {
    return List.of(AlarmRow.class, AlarmSnoozeRow.class, AlarmCursorRow.class);
  }
}
