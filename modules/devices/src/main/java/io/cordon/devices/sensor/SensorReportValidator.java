package io.cordon.devices.sensor;

import com.google.protobuf.util.Timestamps;
import com.google.rpc.BadRequest.FieldViolation;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the syntax of a {@link SensorReport}; every broken rule becomes one field violation.
 * Lengths count UTF-16 units, as the database's varchar columns do, and no text may hold control
 * characters (PostgreSQL cannot store NUL): a report that passes can be stored.
 */
final class SensorReportValidator {

  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_SENSOR_ID_LENGTH = 64;
  static final int MAX_DETAIL_LENGTH = 256;
  /** Device clocks drift; anything further ahead than this is a broken clock, not a report. */
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Clock clock;

  SensorReportValidator(Clock clock) {
    this.clock = clock;
  }

  List<FieldViolation> violations(SensorReport report) {
    List<FieldViolation> violations = new ArrayList<>();
    checkText(violations, "request_id", report.getRequestId(), MAX_REQUEST_ID_LENGTH);
    checkText(violations, "sensor_id", report.getSensorId(), MAX_SENSOR_ID_LENGTH);
    if (report.getKind() == SensorReportKind.SENSOR_REPORT_KIND_UNSPECIFIED
        || report.getKind() == SensorReportKind.UNRECOGNIZED) {
      violations.add(violation("kind", "must be HEARTBEAT, INTRUSION, FAULT or TAMPER"));
    }
    checkTime(violations, report);
    if (report.getDetail().length() > MAX_DETAIL_LENGTH) {
      violations.add(violation("detail", "must be at most " + MAX_DETAIL_LENGTH + " UTF-16 code units"));
    } else if (hasControlCharacter(report.getDetail())) {
      violations.add(violation("detail", "must not contain control characters"));
    }
    return violations;
  }

  private void checkTime(List<FieldViolation> violations, SensorReport report) {
    if (!report.hasTime()) {
      violations.add(violation("time", "is required"));
      return;
    }
    if (!Timestamps.isValid(report.getTime())) {
      violations.add(violation("time", "is not a valid timestamp"));
      return;
    }
    Instant time = Instant.ofEpochSecond(report.getTime().getSeconds(), report.getTime().getNanos());
    if (time.isBefore(EARLIEST)) {
      violations.add(violation("time", "must not be before " + EARLIEST));
    } else if (time.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
      violations.add(violation("time", "must not be more than " + MAX_CLOCK_AHEAD.toMinutes()
          + " minutes in the future"));
    }
  }

  private static void checkText(List<FieldViolation> violations, String field, String value, int max) {
    if (value.isEmpty()) {
      violations.add(violation(field, "is required"));
    } else if (value.length() > max) {
      violations.add(violation(field, "must be at most " + max + " UTF-16 code units"));
    } else if (hasControlCharacter(value)) {
      violations.add(violation(field, "must not contain control characters"));
    }
  }

  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  static FieldViolation violation(String field, String description) {
    return FieldViolation.newBuilder().setField(field).setDescription(description).build();
  }
}
