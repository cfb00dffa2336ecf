package io.cordon.app.track;

import io.cordon.app.i18n.I18n;
import io.cordon.client.track.VehiclePanelViewModel;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The track views' texts from the app bundles ({@code track.*}), and times in park time. */
final class TrackTexts {
  static final ZoneId ZONE = VehiclePanelViewModel.PARK_ZONE;
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final I18n i18n;

  TrackTexts(I18n i18n) {
    this.i18n = i18n;
  }

  I18n i18n() {
    return i18n;
  }

  String get(String key) {
    return i18n.get(key);
  }

  String format(String key, Object... args) {
    return i18n.format(key, args);
  }

  String vehicleClass(VehicleClass vehicleClass) {
    return vehicleClass == null ? "—" : i18n.getOrDefault("track.class." + vehicleClass.name(), vehicleClass.name());
  }

  /** "超速" for OVERSPEED; the name itself for a rule this client does not know. */
  String rule(String rule) {
    return rule.isEmpty() ? "" : i18n.getOrDefault("track.rule." + rule, rule);
  }

  /**
   * A violation's parameters as the duty officer reads them — "车速 58 km/h，限速 40 km/h · 持续 ≥ 10 秒"
   * — from the names the server sends (speed_kmh, limit_kmh, measured, threshold, unit,
   * min_duration_s, route, terminal_alarm); a parameter this client does not know is shown as sent.
   */
  String violationParameters(String rule, Map<String, String> p) {
    List<String> parts = new ArrayList<>();
    Map<String, String> rest = new TreeMap<>(p);
    if (rest.containsKey("speed_kmh") && rest.containsKey("limit_kmh")) {
      parts.add(format("track.param.speed", rest.remove("speed_kmh"), rest.remove("limit_kmh")));
      rest.remove("measured");
      rest.remove("threshold");
      rest.remove("unit");
    } else if (rest.containsKey("measured") && !"TERMINAL_ALARM".equals(rule)) {
      String unit = unit(rest.remove("unit"));
      parts.add(format("track.param.reading", rest.remove("measured"), unit, rest.remove("threshold")));
    } else {
      rest.remove("measured");
      rest.remove("threshold");
      rest.remove("unit");
    }
    String route = rest.remove("route");
    if (route != null && !route.isEmpty()) {
      parts.add(format("track.param.route", route));
    }
    String alarm = rest.remove("terminal_alarm");
    if (alarm != null && !alarm.isEmpty()) {
      parts.add(format("track.param.terminalAlarm", i18n.getOrDefault("track.terminalAlarm." + alarm, alarm)));
    }
    String minimum = rest.remove("min_duration_s");
    if (minimum != null && !minimum.isEmpty() && !minimum.equals("0")) {
      parts.add(format("track.param.minDuration", minimum));
    }
    rest.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" · ", parts);
  }

  private String unit(String unit) {
    return unit == null || unit.isEmpty() ? "" : i18n.getOrDefault("track.unit." + unit, unit);
  }

  /** The error text for a {@code track.*} error key; empty for none. */
  String error(String key) {
    return key == null || key.isEmpty() ? "" : i18n.getOrDefault(key, key);
  }

  static String dayTime(Instant t) {
    return t == null ? "—" : DAY_TIME.format(t.atZone(ZONE));
  }

  static String time(Instant t) {
    return t == null ? "—" : TIME.format(t.atZone(ZONE));
  }
}
