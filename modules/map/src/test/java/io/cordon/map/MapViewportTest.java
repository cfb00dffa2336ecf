package io.cordon.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.domain.geo.LocalProjection;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class MapViewportTest {
  @Test
  void fitShowsTheWholeBoxCentred() {
    MapViewport v = MapViewport.fit(-1000, -500, 1000, 500, 1000, 1000, 0);
    assertThat(v.scale()).isEqualTo(0.5);
    assertThat(v.screenX(-1000)).isEqualTo(0);
    assertThat(v.screenX(1000)).isEqualTo(1000);
    assertThat(v.screenY(0)).isEqualTo(500);
  }

  @Test
  void northIsUp() {
    MapViewport v = new MapViewport(1, 0, 100);
    assertThat(v.screenY(10)).isLessThan(v.screenY(0));
  }

  @Test
  void zoomKeepsThePointUnderTheCursorInPlace() {
    MapViewport v = new MapViewport(0.5, 300, 200);
    double wx = v.worldX(420);
    double wy = v.worldY(170);
    MapViewport zoomed = v.zoomAt(2, 420, 170);
    assertThat(zoomed.scale()).isEqualTo(1.0);
    assertThat(zoomed.screenX(wx)).isCloseTo(420, within(1e-9));
    assertThat(zoomed.screenY(wy)).isCloseTo(170, within(1e-9));
  }

  @Test
  void panMovesEverythingByTheDragDistance() {
    MapViewport v = new MapViewport(2, 10, 20).panBy(5, -7);
    assertThat(v.screenX(0)).isEqualTo(15);
    assertThat(v.screenY(0)).isEqualTo(13);
  }

  @Test
  void zoomStopsAtItsLimits() {
    assertThat(new MapViewport(40, 0, 0).zoomAt(10, 0, 0).scale()).isEqualTo(MapViewport.MAX_SCALE);
  }

  /**
   * WGS84 → local metres → screen → back to WGS84 → screen again lands within half a pixel, at
   * every zoom level from {@link MapViewport#MIN_SCALE} to {@link MapViewport#MAX_SCALE}, for any
   * pan offset and for points across the park and up to ~8 km around it.
   */
  @Property(tries = 3000)
  void wgs84ToScreenAndBackRoundTripsWithinHalfAPixel(
      @ForAll @DoubleRange(min = -0.08, max = 0.08) double dLon,
      @ForAll @DoubleRange(min = -0.08, max = 0.08) double dLat,
      @ForAll @DoubleRange(min = 0, max = 1) double zoom,
      @ForAll @DoubleRange(min = -2e6, max = 2e6) double offsetX,
      @ForAll @DoubleRange(min = -2e6, max = 2e6) double offsetY) {
    MapContext context = MapContext.of(SampleLikePark.park());
    LocalProjection projection = context.projection();
    double lon = projection.origin().x + dLon;
    double lat = projection.origin().y + dLat;
    // Zoom levels are spread evenly on a log scale, as the wheel moves through them.
    double scale = Math.exp(Math.log(MapViewport.MIN_SCALE)
        + zoom * (Math.log(MapViewport.MAX_SCALE) - Math.log(MapViewport.MIN_SCALE)));
    MapViewport v = new MapViewport(scale, offsetX, offsetY);

    double sx = v.screenX(context.x(lon));
    double sy = v.screenY(context.y(lat));
    Coordinate back = projection.toLonLat(new Coordinate(v.worldX(sx), v.worldY(sy)));
    double sx2 = v.screenX(context.x(back.x));
    double sy2 = v.screenY(context.y(back.y));

    assertThat(Math.abs(sx2 - sx)).isLessThanOrEqualTo(0.5);
    assertThat(Math.abs(sy2 - sy)).isLessThanOrEqualTo(0.5);
    // And the position itself comes back to within half a pixel's worth of ground.
    assertThat(Math.abs(context.x(back.x) - context.x(lon)) * scale).isLessThanOrEqualTo(0.5);
    assertThat(Math.abs(context.y(back.y) - context.y(lat)) * scale).isLessThanOrEqualTo(0.5);
  }
}
