package io.cordon.domain.park;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParkTest {
  private final ParkFixture m = ParkFixture.metres();
  private final Park park = ParkFixture.minimalValidPark();

  @Test
  void positionInACoreAreaBelongsToTheCoreZone() {
    assertThat(park.zoneAt(m.point(200, 200))).hasValueSatisfying(
        z -> assertThat(z.id()).isEqualTo(new ZoneId("Z-CORE")));
  }

  @Test
  void positionInTheRestOfTheParkBelongsToTheGeneralArea() {
    assertThat(park.zoneAt(m.point(500, 500))).hasValueSatisfying(
        z -> assertThat(z.id()).isEqualTo(new ZoneId("Z-GEN")));
  }

  @Test
  void onTheEdgeOfACoreAreaTheHigherRiskZoneWins() {
    assertThat(park.zoneAt(m.point(100, 200))).hasValueSatisfying(
        z -> assertThat(z.zoneClass()).isEqualTo(ZoneClass.CORE));
  }

  @Test
  void positionOutsideThePerimeterHasNoZone() {
    assertThat(park.zoneAt(m.point(-100, 500))).isEmpty();
  }
}
