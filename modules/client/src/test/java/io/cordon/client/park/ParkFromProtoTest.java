package io.cordon.client.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.api.v1.GateType;
import io.cordon.domain.park.Park;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.park.ParkProtoMapper;
import org.junit.jupiter.api.Test;

class ParkFromProtoTest {
  private final Park sample = ParkFileLoader.loadSample();

  @Test
  void sampleParkSurvivesTheTripThroughTheContractUnchanged() {
    Park received = ParkFromProto.toDomain(ParkProtoMapper.toProto(sample));

    assertThat(received).isEqualTo(sample);
  }

  @Test
  void zoneHolesSurviveTheTrip() {
    Park received = ParkFromProto.toDomain(ParkProtoMapper.toProto(sample));

    assertThat(received.zones())
        .filteredOn(z -> z.id().value().equals("Z-GEN"))
        .singleElement()
        .satisfies(z -> assertThat(z.area().getNumInteriorRing()).isGreaterThanOrEqualTo(8));
  }

  @Test
  void unspecifiedGateTypeIsRefusedNamingTheGate() {
    io.cordon.api.v1.Park proto = ParkProtoMapper.toProto(sample);
    io.cordon.api.v1.Park broken = proto.toBuilder()
        .setGates(0, proto.getGates(0).toBuilder().setType(GateType.GATE_TYPE_UNSPECIFIED))
        .build();

    assertThatThrownBy(() -> ParkFromProto.toDomain(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(proto.getGates(0).getId())
        .hasMessageContaining("GATE_TYPE_UNSPECIFIED");
  }
}
