package io.cordon.domain.capacity;

/**
 * Maxima at any moment. The guideline asks for total-quantity control without numbers and the
 * proposal gives none: each park configures its own (a limit of 0 or less switches that check off).
 *
 * @param maxPeople people on appointments in the park at once
 * @param maxVehicles vehicles on appointments in the park at once
 * @param maxDangerousVehiclesPerZone hazmat and hazwaste vehicles in one zone at once
 */
public record CapacityLimits(int maxPeople, int maxVehicles, int maxDangerousVehiclesPerZone) {
}
