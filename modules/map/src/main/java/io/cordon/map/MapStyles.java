package io.cordon.map;

import io.cordon.domain.alarm.Severity;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.SensorType;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.Locale;

/** The style-class names of map nodes; the stylesheet and tests use the same names. */
public final class MapStyles {
  public static final String MAP = "park-map";
  public static final String ZONE = "zone";
  public static final String ZONE_LABEL = "zone-label";
  public static final String PERIMETER = "perimeter";
  public static final String ROAD = "road";
  public static final String GATE = "gate";
  public static final String GATE_SYMBOL = "gate-symbol";
  public static final String GATE_LABEL = "gate-label";
  // Plan (park plan drawing and legend)
  public static final String PLAN_LABEL = "plan-label";
  /** The opaque map-coloured rectangle under the cached plan (see ParkPlanLayer). */
  public static final String PLAN_BACKDROP = "plan-backdrop";
  public static final String GATE_MARK = "gate-mark";
  public static final String GATE_HALO = "gate-halo";
  public static final String GATE_STATE_RING = "gate-state-ring";
  public static final String ROAD_NAME = "road-name";
  public static final String ROAD_SPEED = "road-speed";
  public static final String SENSOR = "sensor";
  public static final String CAMERA = "camera";
  public static final String CAMERA_DOT = "camera-dot";
  public static final String CAMERA_FOV = "camera-fov";
  public static final String CAMERA_LABEL = "camera-label";
  public static final String PARKING_LOT = "parking-lot";
  public static final String PARKING_LOT_HAZMAT = "parking-lot-hazmat";
  /** On a lot and its label when occupancy reaches 90 % of the capacity. */
  public static final String PARKING_LOT_FULL = "parking-lot-full";
  public static final String PARKING_LOT_LABEL = "parking-lot-label";
  public static final String PARKING_LOT_BAR = "parking-lot-bar";
  public static final String PARKING_LOT_BAR_FILL = "parking-lot-bar-fill";
  public static final String ENTERPRISE = "enterprise";
  public static final String ENTERPRISE_LABEL = "enterprise-label";
  public static final String LOADING_POINT = "loading-point";
  public static final String MAP_LEGEND = "map-legend";
  public static final String LEGEND_TITLE = "legend-title";
  public static final String LEGEND_ENTRY = "legend-entry";
  public static final String LEGEND_TEXT = "legend-text";

  private MapStyles() {}

  /** {@code zone-core}, {@code zone-key}, {@code zone-general}. */
  public static String zone(ZoneClass zoneClass) {
    return ZONE + "-" + cssName(zoneClass.name());
  }

  public static String perimeter(PerimeterType type) {
    return PERIMETER + "-" + cssName(type.name());
  }

  public static String road(RoadClass roadClass) {
    return ROAD + "-" + cssName(roadClass.name());
  }

  /** {@code gate-emergency} … */
  public static String gate(GateType type) {
    return GATE + "-" + cssName(type.name());
  }

  // live: vehicles and alarms. The canvases carry these classes; hidden swatch regions carry
  // vehicle-swatch-* / alarm-swatch-* so the layers can read the looked-up colours of the theme.
  public static final String VEHICLE_LAYER = "vehicle-layer";
  public static final String TRAIL_LAYER = "trail-layer";
  public static final String ALARM_LAYER = "alarm-layer";
  public static final String LIVE_SWATCH = "live-swatch";
  // replay: the trajectory replay layer's node (its canvases draw with fixed speed colours)
  public static final String REPLAY_LAYER = "replay-layer";

  /** {@code vehicle-swatch-hazmat} …: a hidden region whose background is the class colour. */
  public static String vehicleSwatch(VehicleClass vehicleClass) {
    return "vehicle-swatch-" + cssName(vehicleClass.name());
  }

  /** {@code alarm-swatch-critical} …: a hidden region whose background is the severity colour. */
  public static String alarmSwatch(Severity severity) {
    return "alarm-swatch-" + cssName(severity.name());
  }

  /** {@code gate-state-open}, {@code gate-state-fault} … on the gate's node. */
  public static String gateState(GateState state) {
    return GATE + "-state-" + cssName(state.name());
  }

  /** {@code sensor-fence-vibration}, {@code sensor-infrared} … */
  public static String sensor(SensorType type) {
    return SENSOR + "-" + cssName(type.name());
  }

  // interact: overlay controls, tooltip, details card, context menu, highlight and selection rings
  public static final String OVERLAY = "map-overlay";
  public static final String MAP_PANEL = "map-panel";
  public static final String MAP_BUTTONS = "map-buttons";
  public static final String MAP_BUTTON = "map-button";
  public static final String LAYER_BUTTON = "map-layer-button";
  public static final String LAYER_LIST = "map-layer-list";
  public static final String SCALE_BAR = "map-scale-bar";
  public static final String SCALE_BAR_LABEL = "map-scale-bar-label";
  public static final String SCALE_BAR_BAR = "map-scale-bar-bar";
  public static final String NORTH_ARROW = "map-north-arrow";
  public static final String CURSOR_COORDINATES = "map-cursor-coordinates";
  public static final String SEARCH_BOX = "map-search-box";
  public static final String SEARCH_FIELD = "map-search-field";
  public static final String SEARCH_RESULTS = "map-search-results";
  public static final String SEARCH_RESULT_NAME = "map-search-result-name";
  public static final String SEARCH_RESULT_KIND = "map-search-result-kind";
  public static final String TOOLTIP = "map-tooltip";
  public static final String DETAILS_CARD = "map-details";
  public static final String DETAILS_TITLE = "map-details-title";
  public static final String DETAILS_CLOSE = "map-details-close";
  public static final String DETAILS_ROWS = "map-details-rows";
  public static final String DETAILS_LABEL = "map-details-label";
  public static final String DETAILS_VALUE = "map-details-value";
  public static final String FEATURE_MENU = "map-feature-menu";
  public static final String FEATURE_MENU_HEADER = "map-feature-menu-header";
  public static final String HIGHLIGHT_RING = "map-highlight-ring";
  public static final String HIGHLIGHT_CORE = "map-highlight-core";
  public static final String SELECTION_RING = "map-selection-ring";

  private static String cssName(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
