package io.cordon.server.event;

import java.time.Instant;

/** Where a query page ended: the (occurred at, seq) of its last event. */
public record QueryCursor(Instant occurredAt, long seq) {
}
