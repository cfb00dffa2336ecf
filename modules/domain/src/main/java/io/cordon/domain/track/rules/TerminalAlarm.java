package io.cordon.domain.track.rules;

import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Severity;

/**
 * The JT/T 808 alarm bits (2013/2019 table 24, the 0x0200 alarm word) this park acts on. Each raises
 * its own violation while the bit is set and ends when a later fix has it clear. The other bits
 * (overspeed, fatigue, the terminal's own area/route alarms…) are ignored: the park's rules judge
 * those from the positions themselves with the park's own limits.
 */
public enum TerminalAlarm {
  /** Bit 0, 紧急报警: the driver pressed the SOS button. The terminal clears it once the platform acknowledges (0x8001). */
  SOS(0, AlarmType.MANUAL, Severity.CRITICAL),
  /** Bit 5, GNSS 天线未接或被剪断: antenna unplugged or cut — the usual way to hide a track. */
  GNSS_ANTENNA_CUT(5, AlarmType.DEVICE_TAMPER, Severity.MAJOR),
  /** Bit 7, 终端主电源欠压: main power undervoltage. */
  POWER_UNDERVOLTAGE(7, AlarmType.DEVICE_FAULT, Severity.MINOR),
  /** Bit 8, 终端主电源掉电: main power cut (running on the backup battery). */
  POWER_CUT(8, AlarmType.DEVICE_TAMPER, Severity.MAJOR),
  /** Bit 26, 车辆被盗: the anti-theft device reports a theft. */
  THEFT(26, AlarmType.DEVICE_TAMPER, Severity.CRITICAL),
  /** Bit 27, 车辆非法点火: ignition without authorisation. */
  ILLEGAL_IGNITION(27, AlarmType.DEVICE_TAMPER, Severity.MAJOR),
  /** Bit 28, 车辆非法位移: the vehicle moved while it should be parked. */
  ILLEGAL_MOVE(28, AlarmType.DEVICE_TAMPER, Severity.MAJOR),
  /** Bit 29, 碰撞预警: collision. */
  COLLISION(29, AlarmType.MANUAL, Severity.CRITICAL),
  /** Bit 30, 侧翻预警: rollover — for a tanker, a possible spill. */
  ROLLOVER(30, AlarmType.MANUAL, Severity.CRITICAL);

  private final int bit;
  private final AlarmType alarmType;
  private final Severity severity;

  TerminalAlarm(int bit, AlarmType alarmType, Severity severity) {
    this.bit = bit;
    this.alarmType = alarmType;
    this.severity = severity;
  }

  /** Bit number in the alarm word, 0 = least significant. */
  public int bit() {
    return bit;
  }

  public long mask() {
    return 1L << bit;
  }

  /** The closest alarm type the alarm center knows today (it has no SOS or crash type yet). */
  public AlarmType alarmType() {
    return alarmType;
  }

  public Severity severity() {
    return severity;
  }

  public boolean setIn(long alarmBits) {
    return (alarmBits & mask()) != 0;
  }
}
