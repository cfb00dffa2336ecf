package io.cordon.server.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for {@code processed_request}: a client request id already journaled. */
@Entity
@Table(name = "processed_request")
class ProcessedRequestRow {
  @Id
  @Column(name = "request_key", length = 200)
  String requestKey;

  @Column(name = "seq", nullable = false)
  long seq;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;

  ProcessedRequestRow() {
  }

  ProcessedRequestRow(String requestKey, long seq, Instant recordedAt) {
    this.requestKey = requestKey;
    this.seq = seq;
    this.recordedAt = recordedAt;
  }
}
