package io.cordon.app.map;

import io.cordon.client.alarm.AlarmStore;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.GateStateStore;
import io.cordon.client.map.ParkViewModel;
import io.cordon.client.track.LiveVehicleStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the map panel shows, from the client's stores: the park plan, live vehicles, the alarm
 * center's alarms (the open ones are marked), gate states, a way to command gates, and the optional offline base map.
 *
 * @param gateCommands makes a fresh command view model per dialog (one command, one request id)
 * @param tiles an XYZ tile folder or an .mbtiles file (the {@code --tiles} option)
 */
public record MapSources(
    ParkViewModel park,
    LiveVehicleStore vehicles,
    AlarmStore alarms,
    GateStateStore gates,
    Supplier<GateCommandViewModel> gateCommands,
    Optional<Path> tiles) {
  public MapSources {
    Objects.requireNonNull(park, "park");
    Objects.requireNonNull(vehicles, "vehicles");
    Objects.requireNonNull(alarms, "alarms");
    Objects.requireNonNull(gates, "gates");
    Objects.requireNonNull(gateCommands, "gateCommands");
    Objects.requireNonNull(tiles, "tiles");
  }
}
