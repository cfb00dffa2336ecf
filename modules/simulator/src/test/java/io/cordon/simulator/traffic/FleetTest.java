package io.cordon.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.LineString;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.Road;
import io.cordon.api.v1.RoadClass;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.PlateKind;
import io.cordon.domain.vehicle.VehicleClass;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTest {

  /** A small grid: two ordinary roads crossing, a hazmat road from one's end with a branch, an emergency road. */
  private static final Park PARK = Park.newBuilder()
      .addRoads(road("R-ORD-1", RoadClass.ROAD_CLASS_ORDINARY, 40, 120.90, 31.90, 120.92, 31.90))
      .addRoads(road("R-ORD-2", RoadClass.ROAD_CLASS_ORDINARY, 40, 120.91, 31.89, 120.91, 31.91))
      .addRoads(road("R-HAZ-1", RoadClass.ROAD_CLASS_HAZMAT, 30, 120.92, 31.90, 120.92, 31.92, 120.93, 31.92))
      .addRoads(road("R-HAZ-2", RoadClass.ROAD_CLASS_HAZMAT, 30, 120.92, 31.91, 120.935, 31.91))
      .addRoads(road("R-EME", RoadClass.ROAD_CLASS_EMERGENCY, 50, 120.90, 31.88, 120.93, 31.88))
      .build();

  private final RoadNetwork network = RoadNetwork.of(PARK);

  @Test
  void findsTheCrossingOfTwoRoadsAndWhereOneEndsOnAnother() {
    Map<String, SimRoad> roads = network.roads().stream().collect(Collectors.toMap(r -> r.id, Function.identity()));

    assertThat(roads.get("R-ORD-1").junctions).extracting(j -> j.other().id)
        .containsExactlyInAnyOrder("R-ORD-2", "R-HAZ-1");
    assertThat(roads.get("R-HAZ-1").junctions).extracting(j -> j.other().id)
        .containsExactlyInAnyOrder("R-ORD-1", "R-HAZ-2");
    assertThat(roads.get("R-EME").junctions).isEmpty();
  }

  @Test
  void dangerousGoodsKeepToHazmatRoadsAndOthersToOrdinaryOnes() {
    List<SimulatedVehicle> fleet = Fleet.of(network, 200, new Random(7));

    for (int tick = 0; tick < 600; tick++) {
      fleet.forEach(v -> v.advance(1));
      for (SimulatedVehicle vehicle : fleet) {
        RoadClass expected = vehicle.vehicleClass.isDangerous() ? RoadClass.ROAD_CLASS_HAZMAT
            : RoadClass.ROAD_CLASS_ORDINARY;
        assertThat(vehicle.road().roadClass).as(vehicle.plate).isEqualTo(expected);
      }
    }
  }

  @Test
  void vehiclesStayOnTheirRoadAndUnderItsSpeedLimit() {
    List<SimulatedVehicle> fleet = Fleet.of(network, 100, new Random(11));

    for (int tick = 0; tick < 600; tick++) {
      fleet.forEach(v -> v.advance(1));
      for (SimulatedVehicle vehicle : fleet) {
        double[] xy = vehicle.position();
        assertThat(vehicle.road().closest(xy[0], xy[1])[1]).as("metres off the road").isLessThan(0.01);
        assertThat(vehicle.speedKmh()).isBetween(0.0, vehicle.road().speedLimitKmh);
        assertThat(vehicle.headingDeg()).isGreaterThanOrEqualTo(0).isLessThan(360);
      }
    }
  }

  @Test
  void vehiclesMoveAndSomeChangeRoads() {
    List<SimulatedVehicle> fleet = Fleet.of(network, 50, new Random(3));
    Map<String, String> startRoads = fleet.stream().collect(Collectors.toMap(v -> v.plate, v -> v.road().id));

    for (int tick = 0; tick < 600; tick++) {
      fleet.forEach(v -> v.advance(1));
    }

    assertThat(fleet).anyMatch(v -> !v.road().id.equals(startRoads.get(v.plate)));
    assertThat(fleet).anyMatch(v -> v.speedKmh() > 10);
  }

  @Test
  void platesAreValidUniqueAndColouredForTheirClass() {
    List<SimulatedVehicle> fleet = Fleet.of(network, 2_000, new Random(5));

    assertThat(fleet).extracting(v -> v.plate).doesNotHaveDuplicates().allMatch(Plate::isValid);
    assertThat(fleet).filteredOn(v -> v.vehicleClass.isDangerous())
        .allMatch(v -> v.plateColor == PlateColor.YELLOW);
    assertThat(fleet).filteredOn(v -> v.plateColor == PlateColor.GREEN)
        .isNotEmpty()
        .allMatch(v -> Plate.parse(v.plate).kind() == PlateKind.NEW_ENERGY_SMALL);
    assertThat(fleet).extracting(v -> v.vehicleClass).contains(VehicleClass.values());
    assertThat(fleet).filteredOn(v -> v.plate.startsWith("苏")).hasSizeGreaterThan(1_500);
  }

  @Test
  void theSameSeedGivesTheSameFleet() {
    assertThat(Fleet.of(network, 30, new Random(9))).extracting(v -> v.plate)
        .containsExactlyElementsOf(Fleet.of(network, 30, new Random(9)).stream().map(v -> v.plate).toList());
  }

  @Test
  void aParkWithoutRoadsHasNoFleet() {
    assertThat(Fleet.of(RoadNetwork.of(Park.getDefaultInstance()), 10, new Random(1))).isEmpty();
  }

  private static Road road(String id, RoadClass roadClass, double limit, double... lonLats) {
    LineString.Builder line = LineString.newBuilder();
    for (int i = 0; i < lonLats.length; i += 2) {
      line.addPoints(LonLat.newBuilder().setLon(lonLats[i]).setLat(lonLats[i + 1]));
    }
    return Road.newBuilder().setId(id).setName(id).setRoadClass(roadClass).setSpeedLimitKmh(limit)
        .setLine(line).build();
  }
}
