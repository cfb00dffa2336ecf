package io.cordon.map;

import io.cordon.domain.park.GateType;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.ZoneClass;
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

  private static String cssName(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
