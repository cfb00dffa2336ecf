package io.cordon.server.registration;

import io.cordon.domain.park.Park;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.persistence.Database;
import io.grpc.BindableService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration, appointments, review and the blacklist, put together for the server: the four gRPC
 * services over one store, and a timer that expires pending applications whose window has passed and
 * journals overdue reviews and blacklist entries that ran out.
 */
public final class RegistrationModule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistrationModule.class);

  private final RegistryGrpcService registry;
  private final AppointmentGrpcService appointments;
  private final ReviewGrpcService review;
  private final BlacklistGrpcService blacklist;
  private final ScheduledExecutorService timer;

  private RegistrationModule(RegistryGrpcService registry, AppointmentGrpcService appointments,
      ReviewGrpcService review, BlacklistGrpcService blacklist, ScheduledExecutorService timer) {
    this.registry = registry;
    this.appointments = appointments;
    this.review = review;
    this.blacklist = blacklist;
    this.timer = timer;
  }

  /**
   * Builds the services with settings from system properties over the defaults (see
   * {@link RegistrationSettings#read}) and starts the timers.
   *
   * @param watchExecutor runs the application watches' reads (the server's stream pump pool)
   */
  public static RegistrationModule start(Park park, Database database, EventJournal journal, LiveEvents live,
      Clock clock, ExecutorService watchExecutor) {
    return start(RegistrationSettings.read(System::getProperty), park, database, journal, live, clock, watchExecutor,
        false);
  }

  /**
   * Builds the services and starts the timer that, every {@link RegistrationSettings#expiryCheck},
   * expires pending applications whose window passed and journals overdue reviews and blacklist
   * entries that ran out ({@link DeadlineSweep}).
   *
   * @param demoRegistry seed the demo's sample registry rows when absent ({@link DemoRegistry})
   */
  public static RegistrationModule start(RegistrationSettings settings, Park park, Database database,
      EventJournal journal, LiveEvents live, Clock clock, ExecutorService watchExecutor, boolean demoRegistry) {
    RegistrationStore store = new RegistrationStore(database, journal, settings.rules()::of,
        settings.rules().exitConfirmationWindow());
    Applications applications = new Applications(store, settings, park,
        HazmatCatalogueFile.bundled(settings.forbiddenGoods()), clock);
    AppointmentGrpcService appointments = new AppointmentGrpcService(applications, live, watchExecutor);
    RegistryGrpcService registry = new RegistryGrpcService(store, clock);
    if (demoRegistry) {
      DemoRegistry.seed(registry, store, clock, park);
    }
    DeadlineSweep deadlines = new DeadlineSweep(store, clock);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cordon-appointment-expiry");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(10, settings.expiryCheck().toMillis());
    timer.scheduleWithFixedDelay(() -> sweep(applications, deadlines, period), period, period, TimeUnit.MILLISECONDS);
    return new RegistrationModule(registry, appointments,
        new ReviewGrpcService(applications, appointments), new BlacklistGrpcService(store, settings, park, clock),
        timer);
  }

  /** One round of the timer; a failure is logged and the next round tries again. */
  private static void sweep(Applications applications, DeadlineSweep deadlines, long periodMillis) {
    try {
      int n = applications.expireDue();
      if (n > 0) {
        log.info("{} pending applications expired (their window ended)", n);
      }
      deadlines.overdueReviews();
      deadlines.expiredEntries();
    } catch (RuntimeException e) {
      log.warn("Registration deadline check failed; next round in {} ms", periodMillis, e);
    }
  }

  public List<BindableService> services() {
    return List.of(registry, appointments, review, blacklist);
  }

  /** {@code services} followed by this module's services (for the server's list). */
  public List<BindableService> plus(List<BindableService> services) {
    List<BindableService> all = new ArrayList<>(services);
    all.addAll(services());
    return List.copyOf(all);
  }

  /** Ends the live application watches with UNAVAILABLE; call before the server's grace period. */
  public void endStreams() {
    appointments.endStreams();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    appointments.endStreams();
  }
}
