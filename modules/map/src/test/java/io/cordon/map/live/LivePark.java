package io.cordon.map.live;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.ParkingLotId;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.PerimeterType;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** A square park of about 3.8 × 3.3 km with one hazmat parking lot in its south-west corner. */
final class LivePark {
  static final double W = 118.80;
  static final double S = 32.10;
  static final double E = 118.84;
  static final double N = 32.13;
  static final ParkingLotId LOT = new ParkingLotId("P-HAZ");
  /** A point in the middle of the lot, and one just outside it. */
  static final double LOT_LON = 118.8025;
  static final double LOT_LAT = 32.1025;
  static final double NEAR_LOT_LON = 118.806;

  private static final GeometryFactory GEO = new GeometryFactory();

  private LivePark() {}

  static Park park() {
    Polygon area = box(W, S, E, N);
    Polygon lot = box(118.801, 32.101, 118.804, 32.104);
    return new Park(
        "P-LIVE", "实时图层测试园区", 1,
        List.of(new PerimeterSegment(new SegmentId("SEG"), PerimeterType.WALL, area.getExteriorRing())),
        List.of(new ControlZone(new ZoneId("Z-GEN"), "一般控制区", ZoneClass.GENERAL, area)),
        List.of(), List.of(), List.of(), List.of(),
        List.of(new ParkingLot(LOT, "危险物品运输车辆停车场", lot, 40, true)),
        List.of());
  }

  static Polygon box(double w, double s, double e, double n) {
    return GEO.createPolygon(new Coordinate[] {
        new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
  }
}
