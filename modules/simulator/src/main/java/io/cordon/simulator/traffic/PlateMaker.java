package io.cordon.simulator.traffic;

import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Invents plates a Jiangsu riverside park would see: mostly 苏F (Nantong) and neighbouring
 * cities, some from other provinces for the hazmat carriers; blue for cars, green for small
 * new-energy cars, yellow for trucks, tankers and buses, yellow-green for electric buses. Every
 * plate passes {@link Plate#parse} and none repeats.
 */
final class PlateMaker {

  record MadePlate(String plate, PlateColor color) {}

  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOCAL = "FFFFFEBDAK"; // Nantong most, then Suzhou, Wuxi, Changzhou, Nanjing…
  private static final String[] CARRIER_HOMES = {"苏F", "苏F", "苏E", "苏B", "苏D", "浙B", "鲁Q", "沪D", "皖B"};

  private final Random random;
  private final Set<String> issued = new HashSet<>();

  PlateMaker(Random random) {
    this.random = random;
  }

  MadePlate next(VehicleClass vehicleClass) {
    while (true) {
      MadePlate made = candidate(vehicleClass);
      if (Plate.isValid(made.plate()) && issued.add(made.plate())) {
        return made;
      }
    }
  }

  private MadePlate candidate(VehicleClass vehicleClass) {
    switch (vehicleClass) {
      case HAZMAT:
      case HAZWASTE:
        return new MadePlate(CARRIER_HOMES[random.nextInt(CARRIER_HOMES.length)] + digits(5), PlateColor.YELLOW);
      case CONSTRUCTION:
        return new MadePlate(local() + digits(5), PlateColor.YELLOW);
      case COMMUTER:
        return random.nextInt(3) == 0
            ? new MadePlate(local() + digits(5) + "D", PlateColor.YELLOW_GREEN)
            : new MadePlate(local() + digits(5), PlateColor.YELLOW);
      default:
        if (random.nextInt(4) == 0) {
          return new MadePlate(local() + (random.nextBoolean() ? "D" : "F") + alnum() + digits(4), PlateColor.GREEN);
        }
        return new MadePlate(local() + ordinarySerial(), PlateColor.BLUE);
    }
  }

  private String local() {
    return "苏" + LOCAL.charAt(random.nextInt(LOCAL.length()));
  }

  /** Five characters with at most two letters, as issued serials have. */
  private String ordinarySerial() {
    char[] serial = digits(5).toCharArray();
    int letters = random.nextInt(3);
    for (int i = 0; i < letters; i++) {
      serial[random.nextInt(5)] = LETTERS.charAt(random.nextInt(LETTERS.length()));
    }
    return new String(serial);
  }

  private char alnum() {
    return random.nextBoolean() ? LETTERS.charAt(random.nextInt(LETTERS.length())) : (char) ('0' + random.nextInt(10));
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
