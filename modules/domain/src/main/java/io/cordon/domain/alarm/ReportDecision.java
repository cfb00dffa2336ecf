package io.cordon.domain.alarm;

/** What a source report did: raised a new alarm, was counted on an open one, or was held by a snooze. */
public sealed interface ReportDecision permits ReportDecision.Raised, ReportDecision.Repeated, ReportDecision.Held {

  /** A new alarm; it joined the incident {@code alarm.incident()} (its own id when alone). */
  record Raised(Alarm alarm) implements ReportDecision {
  }

  /** Counted on the open alarm of the same source and type. */
  record Repeated(Alarm alarm) implements ReportDecision {
  }

  /** The source is snoozed: recorded, not raised. */
  record Held(Snooze snooze) implements ReportDecision {
  }
}
