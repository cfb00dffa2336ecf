package io.cordon.server.event;

/**
 * Wakes live subscribers when events are committed. It carries no events: a woken subscriber pulls
 * what it has not seen from the {@link EventJournal}, so a lost or merged wake-up costs nothing but
 * latency. In one JVM it is a list of listeners; across nodes it can be PostgreSQL LISTEN/NOTIFY.
 */
public interface LiveEvents {

  /** Calls {@code wakeUp} after events are committed (possibly merged, possibly spuriously). */
  Registration listen(Runnable wakeUp);

  /** Tells listeners that events up to {@code seq} are committed. */
  void committed(long seq);

  /** Stops a listener. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
