package io.cordon.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Camera;
import io.cordon.api.v1.GateType;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ZoneClass;
import org.junit.jupiter.api.Test;

class ParkProtoMapperTest {
  private final io.cordon.domain.park.Park minimal =
      ParkFileLoader.load(ParkGeoJsonReaderTest.fixture("minimal-park.geojson"));
  private final Park proto = ParkProtoMapper.toProto(minimal);

  @Test
  void enumsMapByName() {
    assertThat(proto.getZonesList()).extracting(z -> z.getZoneClass())
        .containsExactly(ZoneClass.ZONE_CLASS_CORE, ZoneClass.ZONE_CLASS_KEY,
            ZoneClass.ZONE_CLASS_GENERAL);
    assertThat(proto.getGatesList()).extracting(g -> g.getType())
        .containsExactly(GateType.GATE_TYPE_COMPREHENSIVE, GateType.GATE_TYPE_DEDICATED,
            GateType.GATE_TYPE_ORDINARY, GateType.GATE_TYPE_EMERGENCY);
  }

  @Test
  void generalAreaKeepsItsHolesAsFurtherRings() {
    assertThat(proto.getZones(2).getArea().getRingsCount()).isEqualTo(3);
  }

  @Test
  void enterpriseInACoreAreaBelongsToTheCoreZoneNotTheGeneralArea() {
    assertThat(proto.getEnterprises(0).getZoneId()).isEqualTo("Z-CORE");
  }

  @Test
  void cameraOutsideCoreAndKeyAreasBelongsToTheGeneralArea() {
    Camera camera = proto.getCameras(0);

    assertThat(camera.getZoneId()).isEqualTo("Z-GEN");
  }

  @Test
  void positionsAreLongitudeThenLatitude() {
    assertThat(proto.getGates(1).getPosition().getLon()).isEqualTo(120.96);
    assertThat(proto.getGates(1).getPosition().getLat()).isEqualTo(31.9545);
  }
}
