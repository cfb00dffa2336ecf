package io.cordon.simulator.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Draws one of a few choices in proportion to its weight. */
final class Weighted<T> {

  private final List<T> choices = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();
  private double total;

  Weighted<T> add(T choice, double weight) {
    choices.add(choice);
    weights.add(weight);
    total += weight;
    return this;
  }

  T pick(Random random) {
    double draw = random.nextDouble() * total;
    for (int i = 0; i < choices.size(); i++) {
      draw -= weights.get(i);
      if (draw < 0) {
        return choices.get(i);
      }
    }
    return choices.get(choices.size() - 1);
  }
}
