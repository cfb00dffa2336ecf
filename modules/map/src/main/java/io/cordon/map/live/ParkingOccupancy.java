package io.cordon.map.live;

import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.map.MapContext;
import io.cordon.map.MapState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Counts the live vehicles inside each parking lot and writes {@link MapState#lotOccupancy()},
 * which the plan layer shows next to the lot's capacity. Counting is a pass over all vehicles with
 * an envelope test first and a prepared-polygon test (in WGS84, edge counts as inside) second, at
 * most once a second and only when the live data changed. FX thread only; driven by the vehicle
 * layer ({@link #update} together with its trails' growth, once a second).
 */
public final class ParkingOccupancy {
  static final long INTERVAL_NANOS = 1_000_000_000L;

  private final MapState state;
  private final GeometryFactory geometry = new GeometryFactory();
  private final List<Lot> lots = new ArrayList<>();
  private LiveVehicles countedSource;
  private long countedRevision = -1;
  private long lastCountNanos;
  private boolean counted;

  public ParkingOccupancy(MapState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  /** Prepares the new park's lots and forgets the old park's counts. */
  public void parkChanged(MapContext context) {
    for (Lot lot : lots) {
      state.lotOccupancy().remove(lot.id());
    }
    lots.clear();
    countedRevision = -1;
    counted = false;
    if (context == null) {
      return;
    }
    for (ParkingLot lot : context.park().parkingLots()) {
      lots.add(new Lot(lot.id(), lot.area().getEnvelopeInternal(), PreparedGeometryFactory.prepare(lot.area())));
    }
  }

  /** Called every pulse; recounts when a second has passed since the last count and the data changed. */
  public void tick(long nowNanos) {
    if (lots.isEmpty()) {
      return;
    }
    LiveVehicles live = state.vehiclesProperty().get();
    boolean changed = live != countedSource || live.revision() != countedRevision;
    if (changed && (!counted || nowNanos - lastCountNanos >= INTERVAL_NANOS)) {
      lastCountNanos = nowNanos;
      update(live);
    }
  }

  /** Counts now and publishes the counts (only entries that changed are written). */
  public void update(LiveVehicles live) {
    countedSource = live;
    countedRevision = live.revision();
    counted = true;
    Map<ParkingLotId, Integer> counts = count(live);
    counts.forEach((id, n) -> {
      if (!n.equals(state.lotOccupancy().get(id))) {
        state.lotOccupancy().put(id, n);
      }
    });
  }

  /** Vehicles inside each lot of the current park, zero for empty lots. */
  public Map<ParkingLotId, Integer> count(LiveVehicles live) {
    int[] n = new int[lots.size()];
    live.forEach((plate, vehicleClass, current, trail) -> {
      for (int i = 0; i < lots.size(); i++) {
        Lot lot = lots.get(i);
        if (lot.bounds().covers(current.lon(), current.lat())
            && lot.area().covers(geometry.createPoint(new Coordinate(current.lon(), current.lat())))) {
          n[i]++;
        }
      }
    });
    Map<ParkingLotId, Integer> counts = new HashMap<>();
    for (int i = 0; i < lots.size(); i++) {
      counts.put(lots.get(i).id(), n[i]);
    }
    return counts;
  }

  private record Lot(ParkingLotId id, Envelope bounds, PreparedGeometry area) {}
}
