package io.cordon.map.interact;

import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.Sensor;
import io.cordon.domain.track.TrackPoint;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.map.FeatureKind;
import io.cordon.map.MapContext;
import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapTexts;
import io.cordon.map.live.AlarmMarker;
import io.cordon.map.live.LiveVehicles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Puts a feature into words for the tooltip (one line: name, kind, state) and the details card
 * (label/value rows), reading live state — gate states, lot occupancy, the vehicle's latest fix,
 * the alarm — from the {@link MapState} at the moment it is asked.
 */
public final class FeatureDescriber {
  /** Times are shown in the park's time zone (DESIGN §4). */
  static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final GeometryFactory WGS84 = new GeometryFactory();

  private final MapState state;

  public FeatureDescriber(MapState state) {
    this.state = state;
  }

  /** One label/value line of the details card. */
  public record Row(String label, String value) {}

  /** "卡口", "摄像机"…, the feature's kind as the operator calls it. */
  public String kind(FeatureKind kind) {
    return texts().get("feature." + key(kind.name()));
  }

  /** "南一门（综合卡口） · 卡口 · 开启": what the tooltip shows. */
  public String tooltip(MapFeature f) {
    StringBuilder b = new StringBuilder(f.name()).append("\n").append(kind(f.kind()));
    liveState(f).ifPresent(s -> b.append(" · ").append(s));
    return b.toString();
  }

  /** The live state in a few words, if the feature has one. */
  public Optional<String> liveState(MapFeature f) {
    MapTexts t = texts();
    if (f.source() instanceof Gate g) {
      GateState s = state.gateStates().getOrDefault(g.id(), GateState.UNKNOWN);
      return Optional.of(t.get("gate.state." + key(s.name())));
    }
    if (f.source() instanceof ParkingLot lot) {
      Integer occupied = state.lotOccupancy().get(lot.id());
      return occupied == null ? Optional.empty() : Optional.of(t.format("details.occupancy.value", occupied, lot.capacity()));
    }
    if (f.source() instanceof AlarmMarker a) {
      return Optional.of(t.get("details.severity." + key(a.severity().name())));
    }
    if (f.kind() == FeatureKind.VEHICLE) {
      return liveVehicle(f.id()).map(v -> t.format("details.speed.value", v.fix().speedKmh()));
    }
    return Optional.empty();
  }

  /** The details card's rows, top to bottom. */
  public List<Row> details(MapFeature f) {
    MapTexts t = texts();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(t.get("details.kind"), kind(f.kind())));
    if (!f.id().equals(f.name()) && f.kind() != FeatureKind.POINT) {
      rows.add(new Row(t.get("details.id"), f.id()));
    }
    typeRows(f, t, rows);
    zoneAt(f).ifPresent(z -> rows.add(new Row(t.get("details.zone"), zoneText(z, t))));
    rows.add(new Row(t.get("details.position"), Coordinates.format(f.lon(), f.lat())));
    liveRows(f, t, rows);
    return rows;
  }

  private void typeRows(MapFeature f, MapTexts t, List<Row> rows) {
    Object src = f.source();
    if (src instanceof Gate g) {
      rows.add(new Row(t.get("details.type"), t.get("legend.gate." + key(g.type().name()))));
      rows.add(new Row(t.get("details.lanes"), Integer.toString(g.lanes().size())));
    } else if (src instanceof Camera c) {
      rows.add(new Row(t.get("details.heading"), t.format("details.cameraView.value", c.headingDeg(), c.fovDeg())));
    } else if (src instanceof Sensor s) {
      rows.add(new Row(t.get("details.type"), t.get("legend.sensor." + key(s.type().name()))));
      rows.add(new Row(t.get("details.segment"), s.segmentId().value()));
    } else if (src instanceof Enterprise e) {
      if (!e.loadingPoints().isEmpty()) {
        rows.add(new Row(t.get("details.loadingPoints"), Integer.toString(e.loadingPoints().size())));
      }
    } else if (src instanceof ParkingLot lot) {
      rows.add(new Row(t.get("details.type"), t.get(lot.hazmat() ? "legend.parking.hazmat" : "legend.parking.ordinary")));
      rows.add(new Row(t.get("details.capacity"), Integer.toString(lot.capacity())));
    } else if (src instanceof ControlZone z) {
      rows.add(new Row(t.get("details.type"), t.get("legend.zone." + key(z.zoneClass().name()))));
    } else if (src instanceof Road r) {
      rows.add(new Row(t.get("details.type"), t.get("legend.road." + key(r.roadClass().name()))));
      rows.add(new Row(t.get("details.speedLimit"), t.format("details.speed.value", r.speedLimitKmh())));
    } else if (src instanceof PerimeterSegment s) {
      rows.add(new Row(t.get("details.type"), t.get("legend.perimeter." + key(s.type().name()))));
    }
  }

  private void liveRows(MapFeature f, MapTexts t, List<Row> rows) {
    Object src = f.source();
    if (src instanceof Gate g) {
      GateState s = state.gateStates().getOrDefault(g.id(), GateState.UNKNOWN);
      rows.add(new Row(t.get("details.state"), t.get("gate.state." + key(s.name()))));
    } else if (src instanceof ParkingLot lot) {
      Integer occupied = state.lotOccupancy().get(lot.id());
      rows.add(new Row(t.get("details.occupancy"),
          occupied == null ? t.get("details.unknown") : t.format("details.occupancy.value", occupied, lot.capacity())));
    } else if (src instanceof AlarmMarker a) {
      rows.add(new Row(t.get("details.severity"), t.get("details.severity." + key(a.severity().name()))));
      rows.add(new Row(t.get("details.raisedAt"), time(a.raisedAtMillis())));
    } else if (f.kind() == FeatureKind.VEHICLE) {
      Optional<LiveVehicle> live = liveVehicle(f.id());
      if (live.isEmpty()) {
        rows.add(new Row(t.get("details.state"), t.get("details.vehicle.gone")));
        return;
      }
      TrackPoint fix = live.get().fix();
      rows.add(new Row(t.get("details.vehicleClass"), t.get("details.vehicleClass." + key(live.get().vehicleClass().name()))));
      rows.add(new Row(t.get("details.speed"), t.format("details.speed.value", fix.speedKmh())));
      rows.add(new Row(t.get("details.heading"), t.format("details.heading.value", fix.headingDeg())));
      rows.add(new Row(t.get("details.fixTime"), time(fix.epochMillis())));
    }
  }

  /** The vehicle's class and latest fix, if it is still on the map. */
  public Optional<LiveVehicle> liveVehicle(String plate) {
    LiveVehicles vehicles = state.vehiclesProperty().get();
    LiveVehicle[] found = new LiveVehicle[1];
    if (vehicles != null) {
      vehicles.forEach((p, vehicleClass, current, trail) -> {
        if (p.equals(plate)) {
          found[0] = new LiveVehicle(p, vehicleClass, current);
        }
      });
    }
    return Optional.ofNullable(found[0]);
  }

  /** A vehicle as last seen. */
  public record LiveVehicle(String plate, VehicleClass vehicleClass, TrackPoint fix) {}

  private Optional<ControlZone> zoneAt(MapFeature f) {
    MapContext c = state.context();
    if (c == null || f.kind() == FeatureKind.ZONE || f.kind() == FeatureKind.ROAD
        || f.kind() == FeatureKind.PERIMETER_SEGMENT) {
      return Optional.empty();
    }
    return c.park().zoneAt(WGS84.createPoint(new Coordinate(f.lon(), f.lat())));
  }

  /** "核心控制区一（储罐区）" as it is; "罐区北" as "罐区北 · 核心控制区". */
  private static String zoneText(ControlZone z, MapTexts t) {
    String zoneClass = t.get("legend.zone." + key(z.zoneClass().name()));
    return z.name().contains(zoneClass) ? z.name() : z.name() + " · " + zoneClass;
  }

  private static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(SHOWN_ZONE));
  }

  private MapTexts texts() {
    return state.texts();
  }

  /** GATE → gate, ELECTRONIC_FENCE → electronicFence: the suffix of a text key. */
  static String key(String enumName) {
    String[] parts = enumName.toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }
}
