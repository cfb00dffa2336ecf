package io.cordon.server.park;

import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.domain.park.Park;
import io.grpc.stub.StreamObserver;
import java.util.Objects;

/** Serves the park loaded at start; the proto is built once, the park does not change at run time. */
public final class ParkGrpcService extends ParkServiceGrpc.ParkServiceImplBase {
  private final String id;
  private final long version;
  private final GetParkResponse full;
  private final GetParkResponse unchanged;

  public ParkGrpcService(Park park) {
    Objects.requireNonNull(park, "park");
    this.id = park.id();
    this.version = park.version();
    this.full = GetParkResponse.newBuilder().setPark(ParkProtoMapper.toProto(park)).build();
    this.unchanged = GetParkResponse.newBuilder().setUnchanged(true).build();
  }

  @Override
  public void getPark(GetParkRequest request, StreamObserver<GetParkResponse> response) {
    // Versions count per park: version 1 of another park is not the park served here.
    boolean holdsThisPark =
        request.getKnownId().equals(id) && request.getKnownVersion() == version;
    response.onNext(holdsThisPark ? unchanged : full);
    response.onCompleted();
  }
}
