package io.cordon.bench.event;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.Sensor;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportAck;
import io.cordon.api.v1.SensorReportKind;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The demo device account sending SensorIngestService.Report calls (heartbeats) over one channel. */
final class DeviceClient {

  private static final long RPC_DEADLINE_SECONDS = 10;

  private final SensorIngestServiceGrpc.SensorIngestServiceFutureStub ingest;
  private final List<String> sensorIds;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private long nextRequest;

  private DeviceClient(SensorIngestServiceGrpc.SensorIngestServiceFutureStub ingest, List<String> sensorIds) {
    this.ingest = ingest;
    this.sensorIds = sensorIds;
  }

  /** Fetches the park as the device and sends for its sensors in turn. */
  static DeviceClient connect(Channel channel, Bearer device) {
    List<String> sensorIds = ParkServiceGrpc.newBlockingStub(channel).withCallCredentials(device)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getPark(GetParkRequest.getDefaultInstance())
        .getPark().getSensorsList().stream().map(Sensor::getId).toList();
    if (sensorIds.isEmpty()) {
      throw new IllegalStateException("the park has no sensors to report for");
    }
    return new DeviceClient(SensorIngestServiceGrpc.newFutureStub(channel).withCallCredentials(device), sensorIds);
  }

  int sensorCount() {
    return sensorIds.size();
  }

  /**
   * Sends {@code count} reports at a fixed rate without waiting for acks (open loop: a slow server
   * does not slow the schedule down, so its delays are measured rather than hidden), then waits
   * for every answer.
   */
  SentReports sendAtRate(int count, int perSecond) throws InterruptedException {
    SentReports sent = new SentReports(count);
    CountDownLatch answered = new CountDownLatch(count);
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long scheduled = start + i * period;
      for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int index = i;
      sent.scheduled(index, scheduled);
      send(new Callback() {
        @Override
        public void onSuccess(SensorReportAck ack) {
          sent.acked(index, System.nanoTime(), ack.getSeq());
          answered.countDown();
        }

        @Override
        public void onFailure(Throwable t) {
          sent.failed(index);
          answered.countDown();
        }
      });
    }
    sent.sendingEnded(System.nanoTime());
    answered.await(RPC_DEADLINE_SECONDS + 5, TimeUnit.SECONDS);
    return sent;
  }

  /** Appends {@code count} reports as fast as {@code maxInFlight} concurrent calls allow. */
  Appended appendAsFastAsPossible(int count, int maxInFlight) throws InterruptedException {
    Semaphore slots = new Semaphore(maxInFlight);
    AtomicLong highestSeq = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      send(new Callback() {
        @Override
        public void onSuccess(SensorReportAck ack) {
          highestSeq.accumulateAndGet(ack.getSeq(), Math::max);
          slots.release();
        }

        @Override
        public void onFailure(Throwable t) {
          failures.incrementAndGet();
          slots.release();
        }
      });
    }
    slots.acquire(maxInFlight);
    return new Appended(count - failures.get(), failures.get(), highestSeq.get(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** What a bulk append did. */
  record Appended(long acked, long failed, long highestSeq, Duration took) {
    double perSecond() {
      return acked / (took.toNanos() / 1e9);
    }
  }

  private interface Callback extends FutureCallback<SensorReportAck> {
  }

  private void send(Callback callback) {
    long request = nextRequest++;
    Instant now = Instant.now();
    SensorReport report = SensorReport.newBuilder()
        .setRequestId("bench-" + runId + "-" + request)
        .setSensorId(sensorIds.get((int) (request % sensorIds.size())))
        .setKind(SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT)
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .build();
    Futures.addCallback(ingest.withDeadlineAfter(RPC_DEADLINE_SECONDS, TimeUnit.SECONDS).report(report),
        callback, MoreExecutors.directExecutor());
  }
}
