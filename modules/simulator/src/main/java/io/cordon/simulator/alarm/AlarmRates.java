package io.cordon.simulator.alarm;

/**
 * How often each family of alarm sources fires, in alarms per hour across the whole park (mean of
 * a Poisson process; 0 disables the family). For {@link AlarmFamily#INTRUSION} one alarm is one
 * intrusion episode: a burst of several sensor reports that the alarm center counts on one alarm.
 */
public record AlarmRates(
    double intrusionsPerHour,
    double videoAlarmsPerHour,
    double gateAlarmsPerHour,
    double vehicleAlarmsPerHour,
    double deviceAlarmsPerHour) {

  /** No alarms at all. */
  public static final AlarmRates NONE = new AlarmRates(0, 0, 0, 0, 0);

  /**
   * The demo's lively but readable queue: about 2.6 alarms a minute in total, mostly video and
   * perimeter, device trouble rare.
   */
  public static final AlarmRates DEMO = new AlarmRates(30, 60, 20, 40, 6);

  public AlarmRates {
    check("intrusionsPerHour", intrusionsPerHour);
    check("videoAlarmsPerHour", videoAlarmsPerHour);
    check("gateAlarmsPerHour", gateAlarmsPerHour);
    check("vehicleAlarmsPerHour", vehicleAlarmsPerHour);
    check("deviceAlarmsPerHour", deviceAlarmsPerHour);
  }

  public double perHour(AlarmFamily family) {
    switch (family) {
      case INTRUSION:
        return intrusionsPerHour;
      case VIDEO:
        return videoAlarmsPerHour;
      case GATE:
        return gateAlarmsPerHour;
      case VEHICLE:
        return vehicleAlarmsPerHour;
      default:
        return deviceAlarmsPerHour;
    }
  }

  /** These rates with one family's rate replaced. */
  public AlarmRates with(AlarmFamily family, double perHour) {
    return new AlarmRates(
        family == AlarmFamily.INTRUSION ? perHour : intrusionsPerHour,
        family == AlarmFamily.VIDEO ? perHour : videoAlarmsPerHour,
        family == AlarmFamily.GATE ? perHour : gateAlarmsPerHour,
        family == AlarmFamily.VEHICLE ? perHour : vehicleAlarmsPerHour,
        family == AlarmFamily.DEVICE ? perHour : deviceAlarmsPerHour);
  }

  public double totalPerHour() {
    return intrusionsPerHour + videoAlarmsPerHour + gateAlarmsPerHour + vehicleAlarmsPerHour + deviceAlarmsPerHour;
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(name + " must be a finite rate of at least 0, not " + rate);
    }
  }
}
