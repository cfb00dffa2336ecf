package io.cordon.server.timeline;

import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.api.v1.TimelineServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TimelineService over {@link TimelineQueries}: refusals become statuses naming their field. */
public final class TimelineGrpcService extends TimelineServiceGrpc.TimelineServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(TimelineGrpcService.class);

  private final TimelineQueries queries;

  public TimelineGrpcService(TimelineQueries queries) {
    this.queries = queries;
  }

  @Override
  public void getTimeline(TimelineRequest request, StreamObserver<Timeline> observer) {
    answer(observer, "GetTimeline", () -> queries.timeline(request));
  }

  @Override
  public void getPositionsAt(PositionsAtRequest request, StreamObserver<PositionsAt> observer) {
    answer(observer, "GetPositionsAt", () -> queries.positionsAt(request));
  }

  static <T> void answer(StreamObserver<T> observer, String what, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (RequestRefusal e) {
      observer.onError(e.toStatus());
      return;
    } catch (RuntimeException e) {
      log.warn("{} failed", what, e);
      observer.onError(Status.UNAVAILABLE.withDescription(what + " failed; try again").asRuntimeException());
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }
}
