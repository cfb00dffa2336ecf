package io.cordon.domain.violation;

/** Whom a sanction hits: one of the violation's subjects, or the offender (the most specific one known). */
public enum Target {
  PERSON, VEHICLE, ENTERPRISE, OFFENDER
}
