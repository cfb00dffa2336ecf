package io.cordon.domain.appointment;

import io.cordon.domain.permit.TimeWindow;
import java.util.Objects;

/** A vehicle's time window held by another application (pending or approved). */
public record Booking(ApplicationId application, TimeWindow window) {
  public Booking {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(window, "window");
  }
}
