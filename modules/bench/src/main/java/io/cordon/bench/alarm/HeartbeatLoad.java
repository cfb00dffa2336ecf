package io.cordon.bench.alarm;

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
import io.cordon.api.v1.SensorReportBatch;
import io.cordon.api.v1.SensorReportBatchAck;
import io.cordon.api.v1.SensorReportKind;
import io.grpc.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The background: sensor heartbeats through SensorIngestService.Report, spread evenly over the
 * park's sensors, each with its own request_id, open loop on several sender threads (one channel
 * each), so that the alarm path shares the journal with 2,000 events/s.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} heartbeats wait for their answer: a server that cannot keep up
 * would otherwise pile up tens of thousands of calls in this JVM (which also runs the server) until
 * it dies in garbage collection. A heartbeat due while the limit is reached is shed (not sent) and
 * counted, so the report shows how much background the server really took.
 */
final class HeartbeatLoad {

  static final int MAX_IN_FLIGHT = 512;
  /** Batched calls: heartbeats in flight may fill this many calls (a batch is one call, not size calls). */
  static final int MAX_CALLS_IN_FLIGHT = 256;
  private static final long DEADLINE_SECONDS = 10;

  private final List<SensorIngestServiceGrpc.SensorIngestServiceFutureStub> stubs = new ArrayList<>();
  private final List<String> sensorIds;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final Recorder ackLatency = new Recorder(TimeUnit.MINUTES.toNanos(2), 3);
  private final List<Thread> threads = new ArrayList<>();
  private int batch = 1;

  HeartbeatLoad(List<Channel> channels, Token device) {
    this.sensorIds = ParkServiceGrpc.newBlockingStub(channels.get(0)).withCallCredentials(device)
        .withDeadlineAfter(10, TimeUnit.SECONDS).getPark(GetParkRequest.getDefaultInstance())
        .getPark().getSensorsList().stream().map(Sensor::getId).toList();
    if (sensorIds.isEmpty()) {
      throw new IllegalStateException("the park has no sensors to send heartbeats for");
    }
    for (Channel channel : channels) {
      stubs.add(SensorIngestServiceGrpc.newFutureStub(channel).withCallCredentials(device));
    }
  }

  int sensorCount() {
    return sensorIds.size();
  }

  /**
   * Starts one sender per channel; together they send {@code perSecond} for {@code total} reports,
   * {@code batch} per call (1: Report; more: ReportBatch).
   */
  void start(long startNanos, int perSecond, long total, int batch) {
    if (perSecond == 0) {
      return;
    }
    this.batch = batch;
    if (batch > 1) {
      inFlight = new Semaphore(Math.max(MAX_IN_FLIGHT, MAX_CALLS_IN_FLIGHT * batch));
    }
    int senders = stubs.size();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      Thread thread = new Thread(() -> sendShare(sender, senders, startNanos, perSecond, total),
          "bench-heartbeats-" + s);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Sender s of n sends reports s, s + n, s + 2n … at their due times. */
  private void sendShare(int sender, int senders, long startNanos, int perSecond, long total) {
    Pace pace = new Pace(startNanos, perSecond);
    SensorIngestServiceGrpc.SensorIngestServiceFutureStub stub = stubs.get(sender);
    // calls are numbered: call c carries reports c*batch … c*batch+batch-1, due with its first
    long calls = (total + batch - 1) / batch;
    Pace callPace = new Pace(startNanos, Math.max(1, perSecond / batch));
    for (long c = sender; c < calls; c += senders) {
      if (batch == 1) {
        pace.awaitDue(c);
      } else {
        callPace.awaitDue(c);
      }
      int size = (int) Math.min(batch, total - c * batch);
      if (inFlight.tryAcquire(size)) {
        if (batch == 1) {
          send(stub, c);
        } else {
          sendBatch(stub, c * batch, size);
        }
      } else {
        shed.addAndGet(size);
      }
    }
  }

  void awaitSenders() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private SensorReport heartbeat(long i, Instant now) {
    return SensorReport.newBuilder()
        .setRequestId("bench-hb-" + runId + "-" + i)
        .setSensorId(sensorIds.get((int) (i % sensorIds.size())))
        .setKind(SensorReportKind.SENSOR_REPORT_KIND_HEARTBEAT)
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .build();
  }

  private void sendBatch(SensorIngestServiceGrpc.SensorIngestServiceFutureStub stub, long first, int size) {
    Instant now = Instant.now();
    SensorReportBatch.Builder batchOf = SensorReportBatch.newBuilder();
    for (int k = 0; k < size; k++) {
      batchOf.addReports(heartbeat(first + k, now));
    }
    long start = System.nanoTime();
    sent.addAndGet(size);
    Futures.addCallback(stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).reportBatch(batchOf.build()),
        new FutureCallback<SensorReportBatchAck>() {
          @Override
          public void onSuccess(SensorReportBatchAck ack) {
            ackLatency.recordValue(Math.min(System.nanoTime() - start, TimeUnit.MINUTES.toNanos(2)));
            acked.addAndGet(size);
            inFlight.release(size);
          }

          @Override
          public void onFailure(Throwable t) {
            failed.addAndGet(size);
            inFlight.release(size);
          }
        }, MoreExecutors.directExecutor());
  }

  private void send(SensorIngestServiceGrpc.SensorIngestServiceFutureStub stub, long i) {
    Instant now = Instant.now();
    SensorReport report = heartbeat(i, now);
    long start = System.nanoTime();
    sent.incrementAndGet();
    Futures.addCallback(stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).report(report),
        new FutureCallback<SensorReportAck>() {
          @Override
          public void onSuccess(SensorReportAck ack) {
            ackLatency.recordValue(Math.min(System.nanoTime() - start, TimeUnit.MINUTES.toNanos(2)));
            acked.incrementAndGet();
            inFlight.release();
          }

          @Override
          public void onFailure(Throwable t) {
            failed.incrementAndGet();
            inFlight.release();
          }
        }, MoreExecutors.directExecutor());
  }

  /** Heartbeats that may wait for answers at once. */
  int maxInFlight() {
    return batch > 1 ? Math.max(MAX_IN_FLIGHT, MAX_CALLS_IN_FLIGHT * batch) : MAX_IN_FLIGHT;
  }

  long sent() {
    return sent.get();
  }

  /** Heartbeats not sent because {@link #MAX_IN_FLIGHT} were waiting for answers. */
  long shed() {
    return shed.get();
  }

  long acked() {
    return acked.get();
  }

  long failed() {
    return failed.get();
  }

  /** Report round trips since the last call. */
  Histogram takeAckLatencies() {
    return ackLatency.getIntervalHistogram();
  }
}
