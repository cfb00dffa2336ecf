package io.cordon.devices.jt808;

import java.time.Clock;
import java.util.Objects;

/** What every connection of one server shares. */
record Jt808Services(Jt808ServerSettings settings, Jt808Registrations registrations, Jt808PositionSink sink,
    Jt808SessionListener listener, Jt808Stats stats, Clock clock) {

  Jt808Services {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registrations, "registrations");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(clock, "clock");
  }
}
