package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.client.gate.access.PassageRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of the gate views: rule codes, classes, states in the operator's language. */
final class GateTexts {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final I18n i18n;

  GateTexts(I18n i18n) {
    this.i18n = i18n;
  }

  /** The rule in words; an unknown code as it is. */
  String rule(String code) {
    return code == null || code.isEmpty() ? "" : i18n.getOrDefault("gate.rule." + code, code);
  }

  String holderClass(String holderClass) {
    return holderClass == null || holderClass.isEmpty() ? "" : i18n.getOrDefault("gate.class." + holderClass, holderClass);
  }

  String of(String prefix, Enum<?> value) {
    return value == null ? "" : i18n.getOrDefault(prefix + value.name(), value.name());
  }

  String decision(PassageRow row) {
    if (row.forced()) {
      return i18n.get("gate.view.forced");
    }
    if (row.tailgate()) {
      return i18n.get("gate.view.tailgate");
    }
    return i18n.get(row.passed() ? "gate.view.passed" : "gate.view.denied");
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** mm:ss.t, or h:mm:ss beyond an hour: what the operator reads as the time since the click. */
  static String elapsed(Duration d) {
    long tenths = d.toMillis() / 100;
    long seconds = tenths / 10;
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%02d:%02d.%d", seconds / 60, seconds % 60, tenths % 10);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }
}
