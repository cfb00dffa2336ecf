package io.cordon.domain.track.rules;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Polygon;

/**
 * 核心控制区 without authorisation (§6.4 a): the vehicle is deeper than {@code inwardMetres} inside a
 * core zone its permit does not admit it to, for at least {@code startAfter}; it is out once outside
 * the zone's own outline for {@code endAfter}. The band between the shrunken zone and its outline
 * is the hysteresis: a vehicle on a road along the zone's fence, its fixes jittering across the
 * fence, never starts one.
 *
 * <p>Defaults (our choice): 20 m inward, 10 s to start, 15 s outside to end. Adjacent forbidden
 * zones count as one violation, placed in the zone it started in.
 */
public final class ForbiddenZonePolicy {

  public record Settings(double inwardMetres, Duration startAfter, Duration endAfter) {
    public static final Settings DEFAULTS = new Settings(20, Duration.ofSeconds(10), Duration.ofSeconds(15));

    public Settings {
      if (!(inwardMetres >= 0) || Double.isInfinite(inwardMetres)) {
        throw new IllegalArgumentException("inwardMetres must not be negative");
      }
      Durations.notNegative(startAfter, "startAfter");
      Durations.notNegative(endAfter, "endAfter");
    }
  }

  private final Settings settings;
  private final ParkGeometry geometry;
  private final ZoneId[] ids;
  private final PlanarArea[] cores; // shrunk by inwardMetres
  private final PlanarArea[] outlines;
  private final long startMillis;
  private final long endMillis;

  ForbiddenZonePolicy(Settings settings, ParkGeometry geometry) {
    this.settings = settings;
    this.geometry = geometry;
    List<ControlZone> zones = geometry.park().zones();
    List<ZoneId> coreIds = new ArrayList<>();
    List<PlanarArea> inner = new ArrayList<>();
    List<PlanarArea> outer = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      if (zones.get(i).zoneClass() == ZoneClass.CORE) {
        Polygon metric = geometry.metricZones().get(i);
        coreIds.add(zones.get(i).id());
        inner.add(PlanarArea.of(metric.buffer(-settings.inwardMetres())));
        outer.add(PlanarArea.of(metric));
      }
    }
    this.ids = coreIds.toArray(ZoneId[]::new);
    this.cores = inner.toArray(PlanarArea[]::new);
    this.outlines = outer.toArray(PlanarArea[]::new);
    this.startMillis = settings.startAfter().toMillis();
    this.endMillis = settings.endAfter().toMillis();
  }

  void evaluate(VehicleRuleState s, VehicleTrip trip) {
    Latch latch = s.forbiddenZone;
    if (!latch.active()) {
      int hit = -1;
      for (int i = 0; i < cores.length && hit < 0; i++) {
        if (cores[i].contains(s.x, s.y) && !trip.authorisedCoreZones().contains(ids[i])) {
          hit = i;
        }
      }
      if (hit >= 0 && latch.pending() && hit != s.zoneIndex) {
        latch.clearPending(); // moved straight into another zone: its own clock
      }
      if (hit >= 0) {
        s.zoneIndex = hit;
      }
      if (latch.step(hit >= 0, false, s.t, startMillis, endMillis) == Latch.STARTED) {
        int z = s.zoneIndex;
        double depth = outlines[z].distanceToEdge(s.x, s.y);
        s.started(latch, RuleKind.FORBIDDEN_ZONE, Optional.empty(), place(s, z),
            new Reading(settings.inwardMetres(), depth, "m", settings.startAfter()),
            String.format("inside core zone %s without authorisation, %.0f m from its edge (for %s)", ids[z], depth,
                Durations.seconds(settings.startAfter())));
      }
      return;
    }
    boolean inside = outlines[s.zoneIndex].contains(s.x, s.y)
        && !trip.authorisedCoreZones().contains(ids[s.zoneIndex]);
    if (latch.step(false, !inside, s.t, startMillis, endMillis) == Latch.ENDED) {
      s.ended(latch, geometry.place(s.lon, s.lat, Optional.empty()));
    }
  }

  private Place place(VehicleRuleState s, int zone) {
    Place p = geometry.place(s.lon, s.lat, Optional.empty());
    return new Place(p.lon(), p.lat(), Optional.of(ids[zone]), ZoneClass.CORE, p.road());
  }
}
