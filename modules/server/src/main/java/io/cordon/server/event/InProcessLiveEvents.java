package io.cordon.server.event;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live fan-out within one server process. */
public final class InProcessLiveEvents implements LiveEvents {

  private static final Logger log = LoggerFactory.getLogger(InProcessLiveEvents.class);

  private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

  @Override
  public Registration listen(Runnable wakeUp) {
    Runnable listener = wakeUp::run; // a fresh identity, so one Runnable may register twice
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void committed(long seq) {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("A live event listener failed", e);
      }
    }
  }
}
