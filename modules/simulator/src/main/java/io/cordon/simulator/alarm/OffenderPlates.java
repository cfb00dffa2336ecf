package io.cordon.simulator.alarm;

import io.cordon.domain.vehicle.Plate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The vehicles that break the park's rules: a small fixed pool per run, so the same offenders come
 * back as they do in a real park. Plates of a Jiangsu riverside park's traffic (苏F Nantong most,
 * hazmat carriers from further away), normalised as {@link Plate} stores them. (The traffic
 * simulator's fleet lives on its own thread; these plates are not coupled to it.)
 */
final class OffenderPlates {

  static final int POOL = 12;
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String[] LOCAL = {"苏F", "苏F", "苏F", "苏E", "苏B", "苏D"};
  private static final String[] CARRIERS = {"苏F", "苏E", "苏B", "浙B", "鲁Q", "沪D", "皖B"};

  private final Random random;
  private final List<String> hazmat;
  private final List<String> others;

  OffenderPlates(Random random) {
    this.random = random;
    Set<String> issued = new LinkedHashSet<>();
    this.hazmat = pool(issued, true);
    this.others = pool(issued, false);
  }

  /** A hazardous-goods carrier's plate (yellow, five digits). */
  String hazmat() {
    return hazmat.get(random.nextInt(hazmat.size()));
  }

  /** Any offender: carriers, cars, new-energy vehicles. */
  String any() {
    return random.nextInt(3) == 0 ? hazmat() : others.get(random.nextInt(others.size()));
  }

  private List<String> pool(Set<String> issued, boolean carriers) {
    List<String> pool = new ArrayList<>();
    while (pool.size() < POOL) {
      String candidate = carriers ? CARRIERS[random.nextInt(CARRIERS.length)] + digits(5) : car();
      if (Plate.isValid(candidate) && issued.add(candidate)) {
        pool.add(Plate.parse(candidate).value());
      }
    }
    return List.copyOf(pool);
  }

  private String car() {
    String local = LOCAL[random.nextInt(LOCAL.length)];
    if (random.nextInt(4) == 0) { // small new-energy: D (electric) or F (hybrid), a letter or digit, four digits
      char second = random.nextBoolean() ? LETTERS.charAt(random.nextInt(LETTERS.length())) : (char) ('0' + random.nextInt(10));
      return local + (random.nextBoolean() ? "D" : "F") + second + digits(4);
    }
    return local + LETTERS.charAt(random.nextInt(LETTERS.length())) + digits(4);
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
