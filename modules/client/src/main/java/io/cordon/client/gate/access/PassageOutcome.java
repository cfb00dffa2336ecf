package io.cordon.client.gate.access;

/** The passages filter on what was decided. */
public enum PassageOutcome {
  ANY, PASSED, DENIED, ALARMS;

  boolean matches(PassageRow row) {
    switch (this) {
      case PASSED:
        return row.passed();
      case DENIED:
        return !row.passed() && !row.alarm();
      case ALARMS:
        return row.alarm();
      default:
        return true;
    }
  }
}
