package io.cordon.server.video.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an alarm keeps from retention: the segments of its linked cameras from {@code from} (raised - 60 s)
 * until it is closed, until a supervisor releases it.
 */
record AlarmEvidence(String alarmId, Instant raisedAt, Instant from, Optional<Instant> closedAt,
    Optional<Instant> releasedAt, String releasedBy, String releaseReason, List<String> cameraIds) {
  boolean released() {
    return releasedAt.isPresent();
  }
}
