package io.cordon.devices.track;

import java.util.List;
import java.util.Objects;

/**
 * A validated batch of fixes from one device account. {@code requestId} is the device's
 * idempotency key, unique per {@code reporter}.
 *
 * @param reporter the device account that sent the batch, empty when unknown
 */
public record PositionReport(String requestId, String reporter, List<ReportedFix> fixes) {
  public PositionReport {
    Objects.requireNonNull(requestId, "requestId");
    reporter = reporter == null ? "" : reporter;
    fixes = List.copyOf(fixes);
  }
}
