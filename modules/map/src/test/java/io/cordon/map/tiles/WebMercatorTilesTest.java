package io.cordon.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.domain.geo.LocalProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class WebMercatorTilesTest {
  private static final double PARK_LAT = 31.94;

  @Test
  void theWorldsCornersAndCentreAreTileEdges() {
    assertThat(WebMercatorTiles.tileX(-180, 3)).isEqualTo(0);
    assertThat(WebMercatorTiles.tileX(180, 3)).isEqualTo(8);
    assertThat(WebMercatorTiles.tileX(0, 3)).isEqualTo(4);
    assertThat(WebMercatorTiles.tileY(0, 3)).isCloseTo(4, within(1e-12));
    assertThat(WebMercatorTiles.tileY(WebMercatorTiles.MAX_LATITUDE, 3)).isCloseTo(0, within(1e-9));
    assertThat(WebMercatorTiles.tileY(-WebMercatorTiles.MAX_LATITUDE, 3)).isCloseTo(8, within(1e-9));
  }

  @Test
  void theRowsOfZoomTwoEndWhereMercatorReachesAQuarterOfTheWorld() {
    // atan(sinh(π/2)) = 66.51326° N is a quarter of the square world from the top edge.
    assertThat(WebMercatorTiles.tileY(66.51326044311186, 2)).isCloseTo(1, within(1e-9));
    assertThat(WebMercatorTiles.lat(3, 2)).isCloseTo(-66.51326044311186, within(1e-9));
  }

  @Test
  void lonLatToTileAndBackRoundTripsAtEveryZoom() {
    for (int z = 0; z <= 22; z++) {
      for (double lon = -179.5; lon < 180; lon += 7.3) {
        assertThat(WebMercatorTiles.lon(WebMercatorTiles.tileX(lon, z), z)).isCloseTo(lon, within(1e-9));
      }
      for (double lat = -85; lat <= 85; lat += 3.7) {
        assertThat(WebMercatorTiles.lat(WebMercatorTiles.tileY(lat, z), z)).isCloseTo(lat, within(1e-9));
      }
    }
  }

  @Test
  void tileToLonLatAndBackRoundTrips() {
    for (int z = 10; z <= 18; z++) {
      int x = (int) WebMercatorTiles.tileX(120.94, z);
      int y = (int) WebMercatorTiles.tileY(PARK_LAT, z);
      assertThat(WebMercatorTiles.tileX(WebMercatorTiles.lon(x, z), z)).isCloseTo(x, within(1e-6));
      assertThat(WebMercatorTiles.tileY(WebMercatorTiles.lat(y, z), z)).isCloseTo(y, within(1e-6));
    }
  }

  @Test
  void aZoomZeroPixelAtTheEquatorCoversAbout156Kilometres() {
    assertThat(WebMercatorTiles.metresPerPixel(0, 0, 256)).isCloseTo(156_543.03, within(0.01));
    assertThat(WebMercatorTiles.metresPerPixel(60, 1, 256)).isCloseTo(156_543.03 / 4, within(0.01));
  }

  @Test
  void theBestZoomIsTheOneWhoseTilePixelIsClosestToAScreenPixel() {
    double z15PixelsPerMetre = 1 / WebMercatorTiles.metresPerPixel(PARK_LAT, 15, 256);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre, PARK_LAT, 256, 0, 22)).isEqualTo(15);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre * 1.3, PARK_LAT, 256, 0, 22)).isEqualTo(15);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre * 1.5, PARK_LAT, 256, 0, 22)).isEqualTo(16);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre, PARK_LAT, 512, 0, 22)).isEqualTo(14);
  }

  @Test
  void theBestZoomStaysWithinTheSourcesRange() {
    double z15PixelsPerMetre = 1 / WebMercatorTiles.metresPerPixel(PARK_LAT, 15, 256);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre * 64, PARK_LAT, 256, 10, 17)).isEqualTo(17);
    assertThat(WebMercatorTiles.bestZoom(z15PixelsPerMetre / 64, PARK_LAT, 256, 10, 17)).isEqualTo(10);
  }

  /**
   * A tile is drawn stretched linearly between its projected corners; Mercator stretches latitude
   * non-linearly inside it. At the park's latitude the error stays far below a pixel, also when the
   * deepest tiles are shown four times enlarged.
   */
  @Test
  void stretchingATileBetweenItsProjectedCornersIsOffByFarLessThanAPixel() {
    LocalProjection projection = LocalProjection.around(new Coordinate(120.944, PARK_LAT));
    for (int z = 10; z <= 20; z++) {
      double pixelsPerMetre = 4 / WebMercatorTiles.metresPerPixel(PARK_LAT, z, 256);
      int y = (int) WebMercatorTiles.tileY(PARK_LAT, z);
      double top = projection.y(WebMercatorTiles.lat(y, z));
      double bottom = projection.y(WebMercatorTiles.lat(y + 1, z));
      double worst = 0;
      for (int row = 0; row <= 256; row++) {
        double t = row / 256.0;
        double trueY = projection.y(WebMercatorTiles.lat(y + t, z));
        double stretchedY = top + t * (bottom - top);
        worst = Math.max(worst, Math.abs(trueY - stretchedY) * pixelsPerMetre);
      }
      assertThat(worst).as("worst error in pixels at zoom %d, 4× enlarged", z).isLessThan(0.5);
    }
  }

  @Test
  void aTilesAncestorContainsIt() {
    TileKey tile = new TileKey(15, 27_392, 13_270);
    assertThat(tile.ancestor(1)).isEqualTo(new TileKey(14, 13_696, 6_635));
    assertThat(tile.ancestor(3)).isEqualTo(new TileKey(12, 3_424, 1_658));
  }
}
