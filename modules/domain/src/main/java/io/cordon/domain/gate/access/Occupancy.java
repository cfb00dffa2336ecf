package io.cordon.domain.gate.access;

/** How many are inside the park now; dangerous vehicles (hazmat and hazwaste) are also counted in {@code vehicles}. */
public record Occupancy(int people, int vehicles, int dangerousVehicles) {
  public Occupancy {
    if (people < 0 || vehicles < 0 || dangerousVehicles < 0 || dangerousVehicles > vehicles) {
      throw new IllegalArgumentException("counts must be 0 or more, dangerous vehicles among the vehicles");
    }
  }

  public static Occupancy empty() {
    return new Occupancy(0, 0, 0);
  }
}
