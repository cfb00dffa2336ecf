package io.cordon.server.track.jt808;

import io.cordon.devices.jt808.Jt808Message;
import io.cordon.devices.jt808.Jt808Registrations;
import io.cordon.server.persistence.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auth codes that survive a restart: the {@code jt808_terminal} table, with an in-memory copy in
 * front so the event loops that ask are answered from memory. Writes go to one writer thread in
 * order; a code issued just before a crash may be lost, and its terminal then registers again (as
 * the standard has terminals do when authentication fails).
 */
public final class StoredJt808Registrations implements Jt808Registrations, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StoredJt808Registrations.class);
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int CODE_LENGTH = 16;

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "cordon-jt808-registrations");
    thread.setDaemon(true);
    return thread;
  });

  private StoredJt808Registrations(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Loads the stored auth codes. */
  public static StoredJt808Registrations load(Database database, Clock clock) {
    StoredJt808Registrations registrations = new StoredJt808Registrations(database, clock);
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "select terminal_number, auth_code from jt808_terminal where auth_code is not null");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          registrations.codes.put(rows.getString(1), rows.getString(2));
        }
      }
    }));
    log.info("{} JT/T 808 terminals hold auth codes", registrations.codes.size());
    return registrations;
  }

  /** The terminals holding an auth code now. */
  public java.util.Set<String> terminalNumbers() {
    return java.util.Set.copyOf(codes.keySet());
  }

  /** Whether the terminal holds an auth code now. */
  public boolean registered(String terminalNumber) {
    return codes.containsKey(terminalNumber);
  }

  @Override
  public RegistrationOutcome register(String terminalNumber, Jt808Message.Register registration) {
    String code = newCode();
    codes.put(terminalNumber, code);
    Instant at = clock.instant();
    writer.execute(() -> store(terminalNumber, code, registration, at));
    return RegistrationOutcome.registered(code);
  }

  @Override
  public boolean authenticate(String terminalNumber, String authCode) {
    String issued = codes.get(terminalNumber);
    return issued != null && issued.equals(authCode);
  }

  @Override
  public void unregister(String terminalNumber) {
    if (codes.remove(terminalNumber) != null) {
      writer.execute(() -> voidCode(terminalNumber));
    }
  }

  /** Finishes the pending writes. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("JT/T 808 registrations still being written at close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void store(String terminal, String code, Jt808Message.Register r, Instant at) {
    try {
      database.runInTransaction(session -> session.doWork(connection -> {
        try (PreparedStatement delete = connection.prepareStatement(
            "delete from jt808_terminal where terminal_number = ?")) {
          delete.setString(1, terminal);
          delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into jt808_terminal (terminal_number,"
            + " auth_code, registered_at, province, city, maker, model, terminal_id, plate_colour, plate)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, terminal);
          insert.setString(2, code);
          insert.setObject(3, at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
          insert.setInt(4, r.province());
          insert.setInt(5, r.city());
          insert.setString(6, clean(r.maker(), 32));
          insert.setString(7, clean(r.model(), 64));
          insert.setString(8, clean(r.terminalId(), 64));
          insert.setInt(9, r.plateColour());
          insert.setString(10, clean(r.plate(), 64));
          insert.executeUpdate();
        }
      }));
    } catch (RuntimeException e) {
      log.warn("The auth code of JT/T 808 terminal {} was not stored; it registers again after a restart",
          terminal, e);
    }
  }

  private void voidCode(String terminal) {
    try {
      database.runInTransaction(session -> session.doWork(connection -> {
        try (PreparedStatement update = connection.prepareStatement(
            "update jt808_terminal set auth_code = null where terminal_number = ?")) {
          update.setString(1, terminal);
          update.executeUpdate();
        }
      }));
    } catch (RuntimeException e) {
      log.warn("The unregister of JT/T 808 terminal {} was not stored", terminal, e);
    }
  }

  /** Device texts without control characters (PostgreSQL stores no NUL), cut to the column. */
  static String clean(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != 0x7f) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private String newCode() {
    char[] code = new char[CODE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }
}
