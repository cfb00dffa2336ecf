package io.cordon.server.statistics;

import io.cordon.api.v1.ExportStatisticsRequest;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.api.v1.StatisticsRequest;
import io.cordon.api.v1.StatisticsServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** StatisticsService over a {@link StatisticsDesk}. */
public final class StatisticsGrpcService extends StatisticsServiceGrpc.StatisticsServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(StatisticsGrpcService.class);

  private final StatisticsDesk desk;

  public StatisticsGrpcService(StatisticsDesk desk) {
    this.desk = desk;
  }

  @Override
  public void getReport(StatisticsRequest request, StreamObserver<StatisticsReport> observer) {
    answer(observer, "statistics report", () -> desk.report(request));
  }

  @Override
  public void export(ExportStatisticsRequest request, StreamObserver<StatisticsFile> observer) {
    answer(observer, "statistics export", () -> desk.export(request));
  }

  private static <T> void answer(StreamObserver<T> observer, String what, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (StatisticsRefusal e) {
      observer.onError(e.status());
      return;
    } catch (MissingReportFont e) {
      log.warn("{} refused: {}", what, e.getMessage());
      observer.onError(e.status());
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
