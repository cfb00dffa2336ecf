package io.cordon.app.track;

import io.cordon.app.i18n.I18n;
import io.cordon.client.track.VehiclePanelViewModel;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

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
