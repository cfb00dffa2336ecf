package io.cordon.server.gate.access;

import io.cordon.domain.gate.access.AccessSettings;
import java.util.Objects;
import java.util.Set;

/**
 * How the gates decide: the domain's settings (capacity, hazmat hours, anti-passback) and the
 * plates of emergency-service vehicles (the registry has no such flag; fire, ambulance and rescue
 * vehicles always pass).
 */
public record GateAccessSettings(AccessSettings access, Set<String> emergencyPlates) {

  public GateAccessSettings {
    Objects.requireNonNull(access, "access");
    emergencyPlates = Set.copyOf(emergencyPlates);
  }

  public static GateAccessSettings defaults() {
    return new GateAccessSettings(AccessSettings.defaults(), Set.of());
  }

  public GateAccessSettings withEmergencyPlates(Set<String> plates) {
    return new GateAccessSettings(access, plates);
  }

  public GateAccessSettings withAccess(AccessSettings settings) {
    return new GateAccessSettings(settings, emergencyPlates);
  }
}
