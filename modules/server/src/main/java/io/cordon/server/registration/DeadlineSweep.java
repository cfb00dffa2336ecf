package io.cordon.server.registration;

import io.cordon.domain.appointment.Actor;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationState;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.registration.RegistrationStore.StoredApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What registration notices by the clock alone, journalled once each: review steps that passed
 * their window without a decision ({@code application.review_overdue}, one per step: the step is
 * the state entered at {@code since}, so an opinion within a joint review does not repeat it) and
 * blacklist entries that ran out ({@code blacklist.expired}). Each notice has a request key of its
 * own, so two sweeps (or two servers) never journal it twice.
 *
 * <p>Looks back {@link #LOOKBACK}: a server stopped for longer does not give the notices of what
 * became due meanwhile (the Inbox still shows those reviews as overdue).
 */
final class DeadlineSweep {

  static final Duration LOOKBACK = Duration.ofDays(7);
  static final int BATCH = 200;
  private static final Set<String> REVIEW_STATES = Set.of(ApplicationState.SUBMITTED.name(),
      ApplicationState.UNDER_REVIEW.name(), ApplicationState.JOINT_REVIEW.name());
  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

  private final RegistrationStore store;
  private final Clock clock;

  DeadlineSweep(RegistrationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Journals the review steps newly overdue; returns how many. */
  int overdueReviews() {
    Instant now = clock.instant();
    Instant after = now.minus(LOOKBACK);
    int n = 0;
    while (true) {
      List<StoredApplication> due = store.reviewsDueBetween(REVIEW_STATES, after, now, BATCH);
      Map<String, Application> byKey = new LinkedHashMap<>();
      for (StoredApplication s : due) {
        Application a = s.application();
        a.reviewDue().ifPresent(d -> byKey.put(overdueKey(a), a));
      }
      Set<String> done = store.processed(byKey.keySet());
      List<JournalAppend> appends = new ArrayList<>();
      byKey.forEach((key, a) -> {
        if (!done.contains(key)) {
          appends.add(JournalAppend.once(key, RegistrationEvents.reviewOverdue(a, a.reviewDue().orElseThrow(),
              a.reviewDue().orElseThrow())));
        }
      });
      n += commit(appends);
      if (due.size() < BATCH) {
        return n;
      }
      after = due.get(due.size() - 1).application().reviewDue().orElse(now);
    }
  }

  /** Journals the blacklist entries that ran out; returns how many. */
  int expiredEntries() {
    Instant now = clock.instant();
    Instant after = now.minus(LOOKBACK);
    int n = 0;
    while (true) {
      List<BlacklistEntry> ended = store.entriesEndingBetween(after, now, BATCH);
      Map<String, BlacklistEntry> byKey = new LinkedHashMap<>();
      ended.forEach(e -> byKey.put("reg-blacklist-expired/" + e.id(), e));
      Set<String> done = store.processed(byKey.keySet());
      List<JournalAppend> appends = new ArrayList<>();
      byKey.forEach((key, e) -> {
        if (!done.contains(key)) {
          appends.add(JournalAppend.once(key, RegistrationEvents.blacklist("blacklist.expired", e, Actor.SYSTEM,
              e.until().orElse(now))));
        }
      });
      n += commit(appends);
      if (ended.size() < BATCH) {
        return n;
      }
      after = ended.get(ended.size() - 1).until().orElse(now);
    }
  }

  /** The step is the state and when it was entered: a later step of the same state has another key. */
  static String overdueKey(Application a) {
    return "reg-overdue/" + a.id().value() + "/" + a.state().name() + "/" + a.since().toEpochMilli();
  }

  private int commit(List<JournalAppend> appends) {
    if (appends.isEmpty()) {
      return 0;
    }
    int n = (int) store.commit(appends, (session, appended) -> { }).stream().filter(a -> a.isNew()).count();
    log.info("{} deadline notices journalled", n);
    return n;
  }
}
