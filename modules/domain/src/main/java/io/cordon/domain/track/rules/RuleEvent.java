package io.cordon.domain.track.rules;

/** What a fix or tick changed: a violation started or ended. Every end follows its own start. */
public sealed interface RuleEvent permits ViolationStarted, ViolationEnded {
  Violation violation();
}
