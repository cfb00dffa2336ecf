package io.cordon.domain.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A qualification certificate: kind, number, the licence class for a driving licence, and the last
 * day it is valid ({@code expiresOn}, inclusive: it is valid through that whole day in the park's
 * time zone).
 */
public record Certificate(CertificateKind kind, String number, Optional<String> licenceClass, LocalDate expiresOn) {

  public Certificate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(licenceClass, "licenceClass");
    Objects.requireNonNull(expiresOn, "expiresOn");
  }

  /** Valid on every day up to and including {@code lastDay}. */
  public boolean validThrough(LocalDate lastDay) {
    return !expiresOn.isBefore(lastDay);
  }
}
