package io.cordon.domain.park;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.util.AffineTransformation;

class ParkValidatorPropertyTest {

  @Property(tries = 200)
  void validParkStaysValidWhereverItIsRotatedScaledAndPlaced(
      @ForAll @DoubleRange(min = 0, max = 360) double rotationDeg,
      @ForAll @DoubleRange(min = 0.2, max = 5) double scale,
      @ForAll @DoubleRange(min = -170, max = 170) double lon,
      @ForAll @DoubleRange(min = -60, max = 60) double lat) {
    AffineTransformation plan = AffineTransformation.rotationInstance(Math.toRadians(rotationDeg))
        .scale(scale, scale);

    Park park = ParkFixture.minimalValidPark(new Coordinate(lon, lat), plan);

    assertThat(ParkValidator.validate(park)).isEmpty();
  }

  @Property(tries = 200)
  void ordinaryGateWithAHazmatLaneIsRejectedWhereverTheParkIs(
      @ForAll @DoubleRange(min = 0, max = 360) double rotationDeg,
      @ForAll @DoubleRange(min = -60, max = 60) double lat) {
    AffineTransformation plan = AffineTransformation.rotationInstance(Math.toRadians(rotationDeg));
    Park valid = ParkFixture.minimalValidPark(new Coordinate(120, lat), plan);
    Park park = ParkFixture.edit(valid, p -> {
      Gate ordinary = p.gate("G-ORD");
      p.replace(new Gate(ordinary.id(), ordinary.name(), ordinary.type(), ordinary.position(),
          java.util.List.of(ParkFixture.lane("L9", LaneClass.HAZMAT)), false));
    });

    assertThat(ParkValidator.validate(park)).extracting(ParkViolation::rule)
        .containsExactly(ParkRule.ORDINARY_GATE_NO_DANGEROUS_GOODS);
  }
}
