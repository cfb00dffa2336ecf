package io.cordon.app.registration;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.TimeWindow;
import io.cordon.app.i18n.I18n;
import io.cordon.client.registration.FieldError;
import io.cordon.client.registration.InboxRow;
import io.cordon.client.registration.RegistrationFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Registration words in the reviewer's language; times as the park reads them (Asia/Shanghai). */
public final class RegistrationTexts {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(SHANGHAI);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(SHANGHAI);

  private final I18n i18n;

  public RegistrationTexts(I18n i18n) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
  }

  public I18n i18n() {
    return i18n;
  }

  public String get(String key) {
    return i18n.get("registration." + key);
  }

  public String format(String key, Object... args) {
    return i18n.format("registration." + key, args);
  }

  /** An enum value by its name without the proto prefix: kind(APPLICATION_KIND_VISITOR) → registration.kind.VISITOR. */
  public String word(String group, Enum<?> value, String prefix) {
    String name = value.name().startsWith(prefix) ? value.name().substring(prefix.length()) : value.name();
    return i18n.getOrDefault("registration." + group + "." + name, name);
  }

  public String kind(io.cordon.api.v1.ApplicationKind v) {
    return word("kind", v, "APPLICATION_KIND_");
  }

  public String state(io.cordon.api.v1.ApplicationState v) {
    return word("state", v, "APPLICATION_STATE_");
  }

  public String department(io.cordon.api.v1.Department v) {
    return word("department", v, "DEPARTMENT_");
  }

  public String role(io.cordon.api.v1.PersonRole v) {
    return word("role", v, "PERSON_ROLE_");
  }

  public String certificate(io.cordon.api.v1.CertificateKind v) {
    return word("certificate", v, "CERTIFICATE_KIND_");
  }

  public String vehicleClass(io.cordon.api.v1.VehicleClass v) {
    return word("vehicle", v, "VEHICLE_CLASS_");
  }

  public String plateColor(io.cordon.api.v1.PlateColor v) {
    return word("plate", v, "PLATE_COLOR_");
  }

  public String unit(io.cordon.api.v1.QuantityUnit v) {
    return word("unit", v, "QUANTITY_UNIT_");
  }

  public String laneClass(io.cordon.api.v1.LaneClass v) {
    return word("lane", v, "LANE_CLASS_");
  }

  public String violation(io.cordon.api.v1.ViolationKind v) {
    return word("violation", v, "VIOLATION_KIND_");
  }

  public String subject(io.cordon.api.v1.SubjectKind v) {
    return word("subject", v, "SUBJECT_KIND_");
  }

  /** What a transition did ("first_review_pass" → 初审通过). */
  public String action(String action) {
    return i18n.getOrDefault("registration.action." + action, action);
  }

  public String sanction(String type) {
    return i18n.getOrDefault("registration.sanction." + type, type);
  }

  public String appealState(String state) {
    return i18n.getOrDefault("registration.appeal." + state, state);
  }

  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  public String time(Timestamp t) {
    return t.getSeconds() == 0 && t.getNanos() == 0 ? "—" : TIME.format(instant(t));
  }

  /** "11-27 08:00 – 14:00", the end with its date when on another day. */
  public String window(TimeWindow w) {
    if (!w.hasFrom()) {
      return "—";
    }
    Instant from = instant(w.getFrom());
    Instant until = instant(w.getUntil());
    boolean sameDay = from.atZone(SHANGHAI).toLocalDate().equals(until.atZone(SHANGHAI).toLocalDate());
    return TIME.format(from) + " – " + (sameDay ? HOUR.format(until) : TIME.format(until));
  }

  public String day(Optional<LocalDate> day) {
    return day.map(LocalDate::toString).orElse("—");
  }

  /** "剩 5 时 12 分" or "超时 12 分"; "—" without a due time. */
  public String sla(InboxRow.Sla sla) {
    if (sla.left().isEmpty()) {
      return sla.overdue() ? get("sla.overdue.unknown") : "—";
    }
    return sla.overdue() ? format("sla.overdue", span(sla.overdueBy())) : format("sla.left", span(sla.left().get()));
  }

  /** "1 天 3 时", "5 时 12 分", "12 分 30 秒". */
  public String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    long hours = (s % 86_400) / 3600;
    long minutes = (s % 3600) / 60;
    if (days > 0) {
      return format("span.days", days, hours);
    }
    if (hours > 0) {
      return format("span.hours", hours, minutes);
    }
    return format("span.minutes", minutes, s % 60);
  }

  /** A failed call in words: why, then each field the server named. */
  public String failure(RegistrationFailure failure) {
    String head = get("error." + failure.kind().name());
    if (failure.fields().isEmpty()) {
      return failure.message().isBlank() ? head : head + "：" + failure.message();
    }
    return head + "\n" + failure.fields().stream().map(f -> "• " + field(f)).collect(Collectors.joining("\n"));
  }

  /** A field error with the field in words when known ("reasons" → 理由). */
  public String field(FieldError e) {
    String name = i18n.getOrDefault("registration.field." + e.field(), e.field());
    return name.isEmpty() ? e.reason() : name + "：" + e.reason();
  }

  /** A reason's field in words for the picker ("content.driver" → 驾驶员); "" → 整个申请. */
  public String fieldName(String field) {
    if (field == null || field.isEmpty()) {
      return get("field.whole");
    }
    String base = field.replaceAll("\\[\\d+]", "");
    String index = field.matches(".*\\[(\\d+)].*") ? " " + (Integer.parseInt(field.replaceAll(".*\\[(\\d+)].*", "$1")) + 1) : "";
    return i18n.getOrDefault("registration.field." + base, field) + index;
  }
}
