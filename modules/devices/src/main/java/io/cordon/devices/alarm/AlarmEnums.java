package io.cordon.devices.alarm;

import io.cordon.api.v1.AlarmSeverity;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Severity;
import java.util.Optional;

/** Maps the contract's alarm enums to the domain's and back; the names match after the prefix. */
public final class AlarmEnums {

  private static final String TYPE_PREFIX = "ALARM_TYPE_";
  private static final String SEVERITY_PREFIX = "ALARM_SEVERITY_";

  private AlarmEnums() {
  }

  /** Empty for UNSPECIFIED or a number this server does not know. */
  public static Optional<AlarmType> toDomain(io.cordon.api.v1.AlarmType type) {
    if (type == io.cordon.api.v1.AlarmType.ALARM_TYPE_UNSPECIFIED || type == io.cordon.api.v1.AlarmType.UNRECOGNIZED) {
      return Optional.empty();
    }
    return Optional.of(AlarmType.valueOf(type.name().substring(TYPE_PREFIX.length())));
  }

  public static io.cordon.api.v1.AlarmType toProto(AlarmType type) {
    return io.cordon.api.v1.AlarmType.valueOf(TYPE_PREFIX + type.name());
  }

  /** Empty for UNSPECIFIED or an unknown number. */
  public static Optional<Severity> toDomain(AlarmSeverity severity) {
    if (severity == AlarmSeverity.ALARM_SEVERITY_UNSPECIFIED || severity == AlarmSeverity.UNRECOGNIZED) {
      return Optional.empty();
    }
    return Optional.of(Severity.valueOf(severity.name().substring(SEVERITY_PREFIX.length())));
  }

  public static AlarmSeverity toProto(Severity severity) {
    return AlarmSeverity.valueOf(SEVERITY_PREFIX + severity.name());
  }
}
