package io.cordon.server.track.jt808;

import io.cordon.domain.track.TrackPoint;

/** The latest of one vehicle for its panel: written by its terminal's lane, read by anyone. */
final class VehicleView {

  final String plate;
  volatile VehicleBinding binding;
  volatile String terminal = "";
  volatile TrackPoint current;

  VehicleView(String plate) {
    this.plate = plate;
  }

  void update(VehicleBinding binding, String terminal, TrackPoint current) {
    if (this.binding != binding) {
      this.binding = binding;
    }
    if (!this.terminal.equals(terminal)) {
      this.terminal = terminal;
    }
    this.current = current;
  }
}
