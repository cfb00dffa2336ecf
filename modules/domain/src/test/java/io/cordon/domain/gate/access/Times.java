package io.cordon.domain.gate.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Instants in the park's time zone (Asia/Shanghai) on the test day, 2025-06-02. */
final class Times {

  static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  /** 10:00 in the park on the test day. */
  static final Instant NOW = at("10:00");

  private Times() {
  }

  /** That local time (HH:mm or HH:mm:ss) on the test day in the park. */
  static Instant at(String localTime) {
    return TODAY.atTime(LocalTime.parse(localTime)).atZone(PARK).toInstant();
  }

  static Instant onDay(int dayOffset, String localTime) {
    return TODAY.plusDays(dayOffset).atTime(LocalTime.parse(localTime)).atZone(PARK).toInstant();
  }
}
