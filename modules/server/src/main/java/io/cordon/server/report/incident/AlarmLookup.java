package io.cordon.server.report.incident;

import io.cordon.api.v1.Alarm;
import java.util.Optional;

/** The alarms of an incident as clients see them (history, SOP progress with its steps). */
@FunctionalInterface
public interface AlarmLookup {

  Optional<Alarm> alarm(String alarmId);
}
