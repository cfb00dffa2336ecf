package io.cordon.server.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices sensors that stopped beating: a sensor seen beating since the server started and silent for
 * longer than the timeout is reported once, until it beats again. Sensors never heard are not
 * watched (they may not send heartbeats at all). Beats arrive on the intake's threads; the center's
 * thread asks who fell silent.
 */
final class HeartbeatWatch {

  private final Duration timeout;
  private final Map<String, Instant> lastBeat = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  HeartbeatWatch(Duration timeout) {
    this.timeout = timeout;
  }

  void beat(String sensorId, Instant at) {
    lastBeat.merge(sensorId, at, (a, b) -> a.isAfter(b) ? a : b);
    reported.remove(sensorId);
  }

  /** Sensors newly silent for longer than the timeout at {@code now}. */
  List<String> newlySilent(Instant now) {
    List<String> silent = new ArrayList<>();
    lastBeat.forEach((sensor, at) -> {
      if (!reported.contains(sensor) && at.plus(timeout).isBefore(now)) {
        silent.add(sensor);
      }
    });
    reported.addAll(silent);
    return silent;
  }

  Duration timeout() {
    return timeout;
  }
}
