package io.cordon.server.track;

import static io.cordon.server.track.LiveVehiclePositionsTest.fix;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.track.BatchReceipt;
import io.cordon.devices.track.ReportedFix;
import io.cordon.server.event.JournalEntities;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The positions table on H2, read back the way a restarting server rebuilds its live view. */
class PositionTableTest {
  private TestDatabase testDatabase;

  /** H2 here; the PostgreSQL subclass runs the same tests there (CI sets CORDON_TEST_PG_URL). */
  TestDatabase freshDatabase(Path dir) {
    return TestDatabase.h2(dir);
  }


  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  @TempDir
  Path dir;
  private Database database;
  private PositionTable table;

  @BeforeEach
  void open() {
    database = Database.open((testDatabase = freshDatabase(dir)).settings(), JournalEntities.classes());
    table = new PositionTable(database);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.drop();
    }
  }

  @Test
  void aTwinBatchThatMeetsTheFirstOneUncommittedIsAnsweredAsADuplicateAndStoredOnce() throws Exception {
    List<ReportedFix> fixes = List.of(fix("苏A12345", 0), fix("苏A12345", 1));
    AtomicReference<Object> twinOutcome = new AtomicReference<>();
    Thread twin = new Thread(() -> {
      try {
        twinOutcome.set(table.insertOnce("same", fixes, T0));
      } catch (RuntimeException e) {
        twinOutcome.set(e);
      }
    }, "twin-batch");
    database.runInTransaction(session -> session.doWork(connection -> {
      // the first request has written its batch row and fixes but not committed yet
      insertBatchRow(connection, "same", fixes.size());
      insertFixRow(connection, fixes.get(0));
      insertFixRow(connection, fixes.get(1));
      twin.start();
      awaitInsertingItsBatchRow(twin);
    }));
    twin.join(10_000);

    assertThat(twinOutcome.get()).isEqualTo(new BatchReceipt(2, true));
    assertThat(table.track("苏A12345")).hasSize(2);
  }

  @Test
  void recentFixesStreamOnlyForPlatesHeardSinceTheGivenTime() {
    table.insertOnce("a", List.of(fix("苏A12345", 0), fix("苏A12345", 10)), T0.plusSeconds(10));
    table.insertOnce("b", List.of(fix("苏B22222", 5)), T0.plusSeconds(150));

    List<String> plates = new ArrayList<>();
    long count = table.forEachRecentFix(T0, T0.plusSeconds(100), stored -> plates.add(stored.fix().plate().value()));

    assertThat(plates).containsExactly("苏B22222");
    assertThat(count).isEqualTo(1);
  }

  @Test
  void aPlateHeardRecentlyBringsItsEarlierFixesOfTheWindowOldestFirst() {
    table.insertOnce("a", List.of(fix("苏A12345", 0)), T0.plusSeconds(1));
    table.insertOnce("b", List.of(fix("苏A12345", 20), fix("苏A12345", 10)), T0.plusSeconds(150));

    List<StoredFix> fixes = new ArrayList<>();
    table.forEachRecentFix(T0, T0.plusSeconds(100), fixes::add);

    assertThat(fixes).extracting(f -> f.fix().point().epochMillis())
        .containsExactly(T0.toEpochMilli(), T0.plusSeconds(10).toEpochMilli(), T0.plusSeconds(20).toEpochMilli());
    assertThat(fixes.get(0).receivedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void fixesTakenBeforeTheWindowAreNotRead() {
    table.insertOnce("a", List.of(fix("苏A12345", 0), fix("苏A12345", 60)), T0.plusSeconds(60));

    List<StoredFix> fixes = new ArrayList<>();
    table.forEachRecentFix(T0.plusSeconds(30), T0, fixes::add);

    assertThat(fixes).extracting(f -> f.fix().point().epochMillis()).containsExactly(T0.plusSeconds(60).toEpochMilli());
  }

  private static void insertBatchRow(Connection connection, String key, int count) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into position_batch (request_key, fix_count, received_at) values (?, ?, ?)")) {
      insert.setString(1, key);
      insert.setInt(2, count);
      insert.setObject(3, T0.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  private static void insertFixRow(Connection connection, ReportedFix fix) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("insert into vehicle_position (plate, plate_color,"
        + " vehicle_class, lon, lat, heading_deg, speed_kmh, fix_time, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, fix.plate().value());
      insert.setString(2, fix.plateColor().name());
      insert.setString(3, fix.vehicleClass().name());
      insert.setDouble(4, fix.point().lon());
      insert.setDouble(5, fix.point().lat());
      insert.setDouble(6, fix.point().headingDeg());
      insert.setDouble(7, fix.point().speedKmh());
      insert.setObject(8, Instant.ofEpochMilli(fix.point().epochMillis()).atOffset(ZoneOffset.UTC));
      insert.setObject(9, T0.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /**
   * Waits until the thread is inside the insert of its batch row, which H2 retries until the row
   * the other transaction holds is committed or rolled back.
   */
  private static void awaitInsertingItsBatchRow(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      // H2 retries the insert in its own code; PostgreSQL blocks the statement on the server, in the driver's read
      if (Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getClassName().equals("org.h2.command.dml.Insert")
          || f.getClassName().equals("org.postgresql.core.v3.QueryExecutorImpl"))) {
        try {
          Thread.sleep(300); // well into the retries or the wait for the lock
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the twin never tried to insert its batch row");
  }
}
