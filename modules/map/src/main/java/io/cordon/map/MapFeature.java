package io.cordon.map;

import java.util.Objects;

/**
 * A thing on the map, as hover, selection, search, focus and context actions see it.
 *
 * @param kind what it is
 * @param id its id in the park model (gate id, camera id…), the plate for a vehicle, the alarm id
 * @param name what the operator reads (Chinese name, plate)
 * @param lon WGS84 longitude of its anchor (label point, position), degrees
 * @param lat WGS84 latitude of its anchor, degrees
 * @param source the domain object behind it (e.g. a {@code Gate}), or null for vehicles, alarms and points
 */
public record MapFeature(FeatureKind kind, String id, String name, double lon, double lat, Object source) {
  public MapFeature {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** A bare point, e.g. for {@code focus} on an alarm position. */
  public static MapFeature point(double lon, double lat, String name) {
    return new MapFeature(FeatureKind.POINT, lon + "," + lat, name, lon, lat, null);
  }

  /** Same kind and id: the same thing even if its position or source object changed. */
  public boolean sameAs(MapFeature other) {
    return other != null && other.kind == kind && other.id.equals(id);
  }
}
