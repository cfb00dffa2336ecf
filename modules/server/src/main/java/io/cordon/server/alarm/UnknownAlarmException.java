package io.cordon.server.alarm;

/** An action named an alarm the center does not hold. */
final class UnknownAlarmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnknownAlarmException(String alarmId) {
    super("unknown alarm " + alarmId, null, false, false);
  }
}
