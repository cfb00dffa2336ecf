package io.cordon.app.timeline;

import io.cordon.api.v1.TimelineLane;
import io.cordon.client.event.EventSeverity;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.domain.vehicle.VehicleClass;
import javafx.scene.paint.Color;

/**
 * The timeline canvas' colours: the theme's severity colours (cordon.css {@code -cordon-alarm-*})
 * for anything that asks for attention, a colour per lane for the rest, and the map's vehicle-class
 * colours for tracks. A canvas cannot look colours up in CSS, so they are repeated here.
 */
final class TimelinePalette {
  static final Color BACKGROUND = Color.web("#0b121a");
  static final Color LANE_EVEN = Color.web("#111b26");
  static final Color LANE_ODD = Color.web("#0e1721");
  static final Color GRID = Color.web("#253649");
  static final Color TEXT = Color.web("#e8eef5");
  static final Color TEXT_MUTED = Color.web("#93a7bc");
  static final Color CURSOR = Color.web("#00e5ff");
  static final Color SELECTION = Color.WHITE;
  static final Color CRITICAL = Color.web("#ff3b3b");
  static final Color MAJOR = Color.web("#ff9100");
  static final Color MINOR = Color.web("#ffd600");
  static final Color INFO = Color.web("#4fa3ff");

  private TimelinePalette() {}

  static Color severity(EventSeverity severity) {
    switch (severity) {
      case CRITICAL:
        return CRITICAL;
      case MAJOR:
        return MAJOR;
      case MINOR:
        return MINOR;
      default:
        return INFO;
    }
  }

  /** A mark's colour: its severity when it asks for attention, else its lane's (refusals orange). */
  static Color of(TimelineMark mark) {
    if (mark.severity() != EventSeverity.INFO) {
      return severity(mark.severity());
    }
    String type = mark.type();
    if (type.contains("refus") || type.contains("denied") || type.contains("violation")) {
      return MAJOR;
    }
    return lane(mark.lane());
  }

  static Color lane(TimelineLane lane) {
    switch (lane) {
      case TIMELINE_LANE_ALARM:
        return MAJOR;
      case TIMELINE_LANE_ACCESS:
        return Color.web("#3ddc84");
      case TIMELINE_LANE_VEHICLE:
        return Color.web("#ffca28");
      case TIMELINE_LANE_GATE:
        return Color.web("#80d8ff");
      case TIMELINE_LANE_OPERATOR:
        return Color.web("#b388ff");
      case TIMELINE_LANE_EMERGENCY:
        return CRITICAL;
      case TIMELINE_LANE_DEVICE:
        return Color.web("#90a4ae");
      default:
        return INFO;
    }
  }

  /** Tracks on the map: dangerous goods stand out. */
  static Color vehicle(VehicleClass vehicleClass) {
    switch (vehicleClass) {
      case HAZMAT:
        return Color.web("#ff6d00");
      case HAZWASTE:
        return Color.web("#d500f9");
      case CONSTRUCTION:
        return Color.web("#ffd54f");
      case COMMUTER:
        return Color.web("#4dd0e1");
      default:
        return Color.web("#90caf9");
    }
  }
}
