package io.cordon.server.track.jt808;

import io.cordon.domain.track.TrackPoint;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the terminal list shows of one terminal; written by its lane and the sessions, read by anyone. */
final class TerminalStatus {

  final String number;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicLong unboundPositions = new AtomicLong();
  volatile Instant lastSeen;
  volatile TrackPoint lastPosition;
  volatile String plate = "";
  volatile String tripId = "";

  TerminalStatus(String number) {
    this.number = number;
  }
}
