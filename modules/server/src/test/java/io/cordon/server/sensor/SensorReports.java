package io.cordon.server.sensor;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.server.TestServer;
import io.cordon.server.park.ParkFileLoader;
import io.grpc.Channel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Sends sensor reports as the demo device, for tests that need events in the journal. */
public final class SensorReports {

  /** A sensor of the sample park. */
  public static final String SENSOR = ParkFileLoader.loadSample().sensors().get(0).id().value();

  private final SensorIngestServiceGrpc.SensorIngestServiceBlockingStub stub;

  public SensorReports(Channel channel, String deviceToken) {
    this.stub = SensorIngestServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(deviceToken));
  }

  public long heartbeat(String requestId) {
    return send(report(requestId, SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT, Instant.now()));
  }

  public long send(SensorReport report) {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).report(report).getSeq();
  }

  public List<Long> sendBatch(io.cordon.api.v1.SensorReportBatch batch) {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).reportBatch(batch).getSeqsList();
  }

  public static SensorReport report(String requestId, SensorReportKind kind, Instant time) {
    return SensorReport.newBuilder()
        .setRequestId(requestId)
        .setSensorId(SENSOR)
        .setKind(kind)
        .setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()))
        .build();
  }
}
