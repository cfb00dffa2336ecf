package io.cordon.server.event;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SubjectRef;
import java.time.Instant;

/** Converts journal events to their wire form. */
final class EventMessages {
  private EventMessages() {
  }

  static Event toProto(JournalEvent event) {
    Event.Builder b = Event.newBuilder()
        .setSeq(event.seq())
        .setTime(timestamp(event.occurredAt()))
        .setRecordedAt(timestamp(event.recordedAt()))
        .setType(event.type())
        .setSummary(event.summary())
        .putAllAttributes(event.attributes());
    for (SubjectKey subject : event.subjects()) {
      b.addSubjects(SubjectRef.newBuilder().setKind(subject.kind()).setId(subject.id()));
    }
    event.location().ifPresent(l -> b.setLocation(LonLat.newBuilder().setLon(l.lon()).setLat(l.lat())));
    return b.build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
