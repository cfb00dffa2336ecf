package io.cordon.map.live;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colours of the live layers. The defaults here are the same values as the looked-up colours
 * {@code -cordon-vehicle-*} and {@code -cordon-alarm-*} in park-map.css; a theme that overrides
 * those variables wins, because the layers read them back through {@link ThemeSwatches}.
 */
public final class LivePalette {
  private static final LivePalette DEFAULTS = new LivePalette(
      Map.of(
          VehicleClass.HAZMAT, Color.web("#ffab00"),
          VehicleClass.HAZWASTE, Color.web("#c77dff"),
          VehicleClass.CONSTRUCTION, Color.web("#c68a4e"),
          VehicleClass.COMMUTER, Color.web("#1de9b6"),
          VehicleClass.ORDINARY, Color.web("#a8bed0")),
      Map.of(
          Severity.CRITICAL, Color.web("#ff1744"),
          Severity.MAJOR, Color.web("#ff9100"),
          Severity.MINOR, Color.web("#ffea00"),
          Severity.INFO, Color.web("#448aff")));

  private final EnumMap<VehicleClass, Color> vehicles;
  private final EnumMap<Severity, Color> alarms;

  private LivePalette(Map<VehicleClass, Color> vehicles, Map<Severity, Color> alarms) {
    this.vehicles = new EnumMap<>(vehicles);
    this.alarms = new EnumMap<>(alarms);
  }

  /** The built-in palette, used until (and unless) the stylesheet says otherwise. */
  public static LivePalette defaults() {
    return DEFAULTS;
  }

  public Color vehicle(VehicleClass vehicleClass) {
    return vehicles.get(vehicleClass);
  }

  public Color alarm(Severity severity) {
    return alarms.get(severity);
  }

  LivePalette withVehicle(VehicleClass vehicleClass, Color colour) {
    LivePalette copy = new LivePalette(vehicles, alarms);
    copy.vehicles.put(vehicleClass, colour);
    return copy;
  }

  LivePalette withAlarm(Severity severity, Color colour) {
    LivePalette copy = new LivePalette(vehicles, alarms);
    copy.alarms.put(severity, colour);
    return copy;
  }
}
