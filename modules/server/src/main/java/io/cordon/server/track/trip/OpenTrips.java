package io.cordon.server.track.trip;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trips open now, as the position pipeline matches terminals to vehicles. Answers from
 * memory (it is asked for every position) and is safe to call from any thread.
 */
public interface OpenTrips {

  /** The open trip of this terminal (issued at a gate, or the vehicle's own terminal). */
  Optional<OpenTrip> byTerminal(String terminalNumber);

  /** The open trip of this vehicle, by normalised plate. */
  Optional<OpenTrip> byPlate(String plate);

  /**
   * Tells {@code listener} about every trip opened, changed (its permit changed) or closed from now
   * on: the argument is the trip as it is now; a closed trip comes with {@code closed} true.
   * Called on the thread that made the change; keep it short.
   */
  void addListener(TripListener listener);

  /** A change of one trip. */
  @FunctionalInterface
  interface TripListener {
    void changed(OpenTrip trip, boolean closed);
  }

  /** Convenience for listeners that only care about the trip. */
  static TripListener onAny(Consumer<OpenTrip> action) {
    return (trip, closed) -> action.accept(trip);
  }
}
