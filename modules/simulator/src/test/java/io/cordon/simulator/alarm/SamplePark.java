package io.cordon.simulator.alarm;

import io.cordon.api.v1.Park;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.park.ParkProtoMapper;

/** The bundled sample park as the server serves it through ParkService.GetPark. */
final class SamplePark {

  static final io.cordon.domain.park.Park DOMAIN = ParkFileLoader.loadSample();
  static final Park PROTO = ParkProtoMapper.toProto(DOMAIN);

  private SamplePark() {
  }
}
