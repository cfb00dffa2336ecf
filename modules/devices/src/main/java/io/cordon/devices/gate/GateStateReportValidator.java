package io.cordon.devices.gate;

import com.google.protobuf.util.Timestamps;
import io.cordon.api.v1.GateState;
import io.cordon.api.v1.GateStateReport;
import io.cordon.api.v1.WatchGateCommandsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks the syntax of the device-facing gate requests; every broken rule becomes one field
 * violation, so a request that passes can be stored.
 */
final class GateStateReportValidator {

  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_GATE_ID_LENGTH = 64;
  static final int MAX_DETAIL_LENGTH = 256;
  static final int MAX_WATCHED_GATES = 100;
  /** Device clocks drift; anything further ahead than this is a broken clock, not a report. */
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Clock clock;

  GateStateReportValidator(Clock clock) {
    this.clock = clock;
  }

  FieldViolations violations(GateStateReport report) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", report.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkText("gate_id", report.getGateId(), 1, MAX_GATE_ID_LENGTH);
    if (report.getState() == GateState.GATE_STATE_UNSPECIFIED || report.getState() == GateState.UNRECOGNIZED) {
      violations.add("state", "must be CLOSED, OPEN, FAULT or OFFLINE");
    }
    checkTime(violations, report);
    return violations.checkOptionalText("detail", report.getDetail(), MAX_DETAIL_LENGTH);
  }

  FieldViolations violations(WatchGateCommandsRequest request) {
    FieldViolations violations = new FieldViolations();
    if (request.getGateIdsCount() == 0) {
      violations.add("gate_ids", "at least one gate is required");
    } else if (request.getGateIdsCount() > MAX_WATCHED_GATES) {
      violations.add("gate_ids", "at most " + MAX_WATCHED_GATES + " gates");
    }
    for (int i = 0; i < Math.min(request.getGateIdsCount(), MAX_WATCHED_GATES); i++) {
      violations.checkText("gate_ids[" + i + "]", request.getGateIds(i), 1, MAX_GATE_ID_LENGTH);
    }
    // uint64 arrives as a signed long: 2^63 and more turn negative
    if (request.getAfterSeq() < 0) {
      violations.add("after_seq", "must be below 2^63");
    }
    return violations;
  }

  private void checkTime(FieldViolations violations, GateStateReport report) {
    if (!report.hasTime()) {
      violations.add("time", "is required");
      return;
    }
    if (!Timestamps.isValid(report.getTime())) {
      violations.add("time", "is not a valid timestamp");
      return;
    }
    Instant time = GateMessages.instant(report.getTime());
    if (time.isBefore(EARLIEST)) {
      violations.add("time", "must not be before " + EARLIEST);
    } else if (time.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
      violations.add("time", "must not be more than " + MAX_CLOCK_AHEAD.toMinutes() + " minutes in the future");
    }
  }
}
