package io.cordon.domain.violation;

/** What a blacklist entry or a sanction is about. */
public enum SubjectKind {
  PERSON, VEHICLE, ENTERPRISE
}
