package io.cordon.domain.registry;

import java.time.LocalDate;
import java.util.Objects;

/** 道路运输证: its number and the last day it is valid (inclusive). */
public record TransportPermit(String number, LocalDate expiresOn) {
  public TransportPermit {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(expiresOn, "expiresOn");
  }

  public boolean validThrough(LocalDate lastDay) {
    return !expiresOn.isBefore(lastDay);
  }
}
