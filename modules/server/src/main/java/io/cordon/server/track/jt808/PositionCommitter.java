package io.cordon.server.track.jt808;

import io.cordon.devices.jt808.Jt808Position;
import io.cordon.server.persistence.Database;
import io.cordon.server.track.LiveFix;
import io.cordon.server.track.LiveVehiclePositions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persist step as a group commit: one thread takes every batch the lanes have queued (up to
 * {@code maxRows} positions), writes them in one transaction as JDBC batches, and only then
 * shows them live and hands their events on, in the order the lanes queued them, and acknowledges
 * them. Under load one commit carries thousands of terminals' positions; idle, a single position
 * commits at once.
 */
final class PositionCommitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PositionCommitter.class);
  static final int JDBC_BATCH = 1_000;
  private static final String INSERT = "insert into vehicle_position (plate, plate_color, vehicle_class, lon, lat,"
      + " heading_deg, speed_kmh, fix_time, received_at, terminal_number, trip_id, permit_id, fix_valid, flags,"
      + " alarm_flags, status_flags, altitude_m, mileage_km, satellites, signal_strength, origin)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database database;
  private final LiveVehiclePositions live;
  private final IntakeCounters counters;
  private final int maxRows;
  private final LinkedBlockingQueue<WriteBatch> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  PositionCommitter(Database database, LiveVehiclePositions live, IntakeCounters counters, int maxRows) {
    this.database = database;
    this.live = live;
    this.counters = counters;
    this.maxRows = maxRows;
    this.thread = new Thread(this::run, "cordon-jt808-commit");
    thread.setDaemon(true);
    thread.start();
  }

  void submit(WriteBatch batch) {
    if (!running) {
      batch.done().completeExceptionally(new IllegalStateException("the position pipeline is closed"));
      return;
    }
    queue.add(batch);
  }

  /** Commits what is queued, then stops. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    WriteBatch left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new IllegalStateException("the position pipeline is closed"));
    }
  }

  private void run() {
    List<WriteBatch> group = new ArrayList<>();
    List<StoredPosition> rows = new ArrayList<>();
    List<LiveFix> shown = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      WriteBatch first;
      try {
        first = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        continue;
      }
      group.clear();
      rows.clear();
      shown.clear();
      group.add(first);
      rows.addAll(first.rows());
      WriteBatch next;
      while (rows.size() < maxRows && (next = queue.poll()) != null) {
        group.add(next);
        rows.addAll(next.rows());
      }
      commit(group, rows, shown);
    }
  }

  private void commit(List<WriteBatch> group, List<StoredPosition> rows, List<LiveFix> shown) {
    Instant committedAt;
    try {
      if (!rows.isEmpty()) {
        insert(rows);
      }
      committedAt = Instant.now();
      counters.commits.increment();
      counters.stored.add(rows.size());
    } catch (RuntimeException e) {
      counters.failedCommits.increment();
      log.warn("{} positions of {} messages were not stored; their terminals send them again", rows.size(),
          group.size(), e);
      for (WriteBatch batch : group) {
        if (batch.onFailure() != null) {
          batch.onFailure().run();
        }
        batch.done().completeExceptionally(e);
      }
      return;
    }
    // the live view and the after-commit steps in batch order: a clock tick's retag queued before a
    // fix must not overwrite the newer tags that fix brings (one live update per run of fixes)
    for (WriteBatch batch : group) {
      shown.addAll(batch.live());
      if (batch.afterCommit() != null) {
        show(shown, committedAt);
        try {
          batch.afterCommit().run();
        } catch (RuntimeException e) {
          log.warn("Publishing after a position commit failed", e);
        }
      }
    }
    show(shown, committedAt);
    for (WriteBatch batch : group) {
      batch.done().complete(null);
    }
  }

  private void show(List<LiveFix> shown, Instant committedAt) {
    if (!shown.isEmpty()) {
      live.acceptTracked(shown, committedAt);
      shown.clear();
    }
  }

  private void insert(List<StoredPosition> rows) {
    database.runInTransaction(session -> session.doWork(connection -> insert(connection, rows)));
  }

  private static void insert(Connection connection, List<StoredPosition> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      int pending = 0;
      for (StoredPosition row : rows) {
        Jt808Position p = row.position();
        insert.setString(1, row.plate());
        insert.setString(2, row.plateColor().name());
        insert.setString(3, row.vehicleClass().name());
        insert.setDouble(4, p.longitude());
        insert.setDouble(5, p.latitude());
        insert.setDouble(6, p.course() % 360);
        insert.setDouble(7, p.speedKmh());
        insert.setObject(8, utc(p.fixTime()));
        insert.setObject(9, utc(p.receivedAt()));
        insert.setString(10, p.terminalNumber());
        nullable(insert, 11, row.tripId());
        nullable(insert, 12, row.permitId());
        insert.setBoolean(13, p.validFix());
        insert.setInt(14, row.flags());
        insert.setLong(15, p.alarmFlags());
        insert.setLong(16, p.statusFlags());
        insert.setInt(17, p.altitudeMetres());
        if (p.mileageKm() == null) {
          insert.setNull(18, Types.DOUBLE);
        } else {
          insert.setDouble(18, p.mileageKm());
        }
        if (p.satellites() == null) {
          insert.setNull(19, Types.INTEGER);
        } else {
          insert.setInt(19, p.satellites());
        }
        if (p.signalStrength() == null) {
          insert.setNull(20, Types.INTEGER);
        } else {
          insert.setInt(20, p.signalStrength());
        }
        insert.setString(21, p.origin().name());
        insert.addBatch();
        if (++pending == JDBC_BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static void nullable(PreparedStatement insert, int index, String value) throws SQLException {
    if (value.isEmpty()) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    // Not Instant.atOffset: that asks the offset for its rules, a new ZoneRules per call (two per row).
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / 1_000 * 1_000,
        ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
