package io.cordon.server.track;

import io.cordon.devices.track.BatchReceipt;
import io.cordon.devices.track.PositionReport;
import io.cordon.devices.track.PositionSink;
import io.cordon.server.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a batch to the positions table, then shows it live. Request ids are scoped by the
 * reporting device account, so two devices that happen to choose the same id do not swallow each
 * other's batches. A repeat stores nothing and changes nothing live.
 */
public final class StoringPositionSink implements PositionSink {

  private static final Logger log = LoggerFactory.getLogger(StoringPositionSink.class);

  private final PositionTable table;
  private final LiveVehiclePositions live;
  private final Clock clock;

  public StoringPositionSink(Database database, LiveVehiclePositions live, Clock clock) {
    this.table = new PositionTable(database);
    this.live = live;
    this.clock = clock;
  }

  @Override
  public BatchReceipt accept(PositionReport report) {
    String reporter = report.reporter().isEmpty() ? "-" : report.reporter();
    Instant receivedAt = clock.instant();
    BatchReceipt receipt = table.insertOnce("position-batch/" + reporter + "/" + report.requestId(),
        report.fixes(), receivedAt);
    if (!receipt.duplicate()) {
      live.accept(report.fixes(), receivedAt);
    }
    return receipt;
  }

  /**
   * Rebuilds the live view from the fixes of the last trail window of the vehicles heard within
   * the stale interval, so a restarted server shows them (and their trails) at once instead of
   * after their next report. The fixes stream from the table into the view.
   */
  public void restoreRecent() {
    Instant now = clock.instant();
    Instant takenSince = now.minus(live.settings().trailWindow());
    Instant heardSince = now.minus(live.settings().staleAfter());
    try {
      long[] count = {0};
      live.restoreFrom(sink -> count[0] = table.forEachRecentFix(takenSince, heardSince, sink));
      log.info("Live vehicle view rebuilt from {} stored fixes: {} vehicles", count[0], live.size());
    } catch (RuntimeException e) {
      log.warn("Could not rebuild the live vehicle view; it fills again as vehicles report", e);
    }
  }
}
