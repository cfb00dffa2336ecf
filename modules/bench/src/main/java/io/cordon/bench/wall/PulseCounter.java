package io.cordon.bench.wall;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/**
 * Counts JavaFX pulses (each pulse lays out and renders the scene once). A tile cannot show more pictures
 * per second than there are pulses, so this tells whether the FX thread or the decoders are the limit.
 */
final class PulseCounter extends AnimationTimer {
  private final AtomicLong pulses = new AtomicLong();

  @Override
  public void handle(long now) {
    pulses.incrementAndGet();
  }

  long pulses() {
    return pulses.get();
  }
}
