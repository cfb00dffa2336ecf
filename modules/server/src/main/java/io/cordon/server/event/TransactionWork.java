package io.cordon.server.event;

import java.util.List;
import org.hibernate.Session;

/**
 * Work committed atomically with the events of {@link EventJournal#appendAll}: it runs in the same
 * Hibernate session and transaction, after the events have their seqs, while the journal is locked
 * (keep it short: every other appender waits). Throwing rolls back the events too. It must not
 * append to the journal itself: that would wait for the journal lock its own transaction holds.
 */
@FunctionalInterface
public interface TransactionWork {

  /** Does nothing: appendAll only appends. */
  TransactionWork NONE = (session, appended) -> {
  };

  /**
   * @param session the session of the journal's transaction; do not commit, roll back or close it
   * @param appended one outcome per requested append, in request order
   */
  void run(Session session, List<Appended> appended);
}
