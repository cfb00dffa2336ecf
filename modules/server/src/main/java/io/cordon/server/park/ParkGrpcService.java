package io.cordon.server.park;

import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.domain.park.Park;
import io.grpc.stub.StreamObserver;
import java.util.Objects;

/** Serves the park loaded at start; the proto is built once, the park does not change at run time. */
public final class ParkGrpcService extends ParkServiceGrpc.ParkServiceImplBase {
  private final long version;
  private final GetParkResponse full;
  private final GetParkResponse unchanged;

  public ParkGrpcService(Park park) {
    Objects.requireNonNull(park, "park");
    this.version = park.version();
    this.full = GetParkResponse.newBuilder().setPark(ParkProtoMapper.toProto(park)).build();
    this.unchanged = GetParkResponse.newBuilder().setUnchanged(true).build();
  }

  @Override
  public void getPark(GetParkRequest request, StreamObserver<GetParkResponse> response) {
    response.onNext(request.getKnownVersion() == version ? unchanged : full);
    response.onCompleted();
  }
}
