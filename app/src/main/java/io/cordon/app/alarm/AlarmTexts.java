package io.cordon.app.alarm;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.app.i18n.I18n;
import io.cordon.client.alarm.AlarmProtos;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.park.ZoneClass;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Alarm words in the operator's language, and times as the control room reads them (Asia/Shanghai). */
public final class AlarmTexts {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(SHANGHAI);

  private final I18n i18n;

  public AlarmTexts(I18n i18n) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
  }

  public I18n i18n() {
    return i18n;
  }

  public String type(AlarmType type) {
    return i18n.getOrDefault("alarm.type." + type.name().replace("ALARM_TYPE_", ""), type.name());
  }

  public String state(AlarmState state) {
    return i18n.getOrDefault("alarm.state." + state.name().replace("ALARM_STATE_", ""), state.name());
  }

  public String severity(Severity severity) {
    return i18n.get("alarm.severity." + severity.name());
  }

  public String verdict(AlarmVerdict verdict) {
    return i18n.getOrDefault("alarm.verdict." + verdict.name().replace("ALARM_VERDICT_", ""), verdict.name());
  }

  public String zoneClass(ZoneClass zoneClass) {
    return i18n.get("alarm.zone." + zoneClass.name());
  }

  /** What an entry of the history did ("acknowledge" → 接警). */
  public String historyAction(String action) {
    return i18n.getOrDefault("alarm.history." + action, action);
  }

  /** Zone, perimeter segment and gate, e.g. "核心区 Z-CORE-1 · 周界段 SEG-03". */
  public String place(Alarm alarm) {
    AlarmLocation at = alarm.getLocation();
    List<String> parts = new ArrayList<>();
    if (!at.getZoneId().isEmpty()) {
      parts.add(zoneClass(AlarmProtos.zoneClass(alarm)) + " " + at.getZoneId());
    }
    if (!at.getSegmentId().isEmpty()) {
      parts.add(i18n.format("alarm.place.segment", at.getSegmentId()));
    }
    if (!at.getGateId().isEmpty()) {
      parts.add(i18n.format("alarm.place.gate", at.getGateId()));
    }
    if (parts.isEmpty()) {
      parts.add(zoneClass(ZoneClass.GENERAL));
    }
    return String.join(" · ", parts);
  }

  public String time(com.google.protobuf.Timestamp t) {
    return t.getSeconds() == 0 && t.getNanos() == 0 ? "" : TIME.format(AlarmProtos.instant(t));
  }

  public String time(Instant t) {
    return TIME.format(t);
  }

  /** "00:42" while time is left, "超时 01:15" once overdue. */
  public String countdown(Duration remaining) {
    long seconds = Math.abs(remaining.toSeconds());
    String clock = String.format("%02d:%02d", seconds / 60, seconds % 60);
    return remaining.isNegative() ? i18n.format("alarm.sla.overdue", clock) : clock;
  }
}
