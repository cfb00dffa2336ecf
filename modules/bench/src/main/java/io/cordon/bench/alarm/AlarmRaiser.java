package io.cordon.bench.alarm;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmReportAck;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.LonLat;
import io.cordon.domain.vehicle.Plate;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The device side of the measured path: AlarmIngestService.Raise at a fixed rate, open loop, each
 * report a NEW alarm (a vehicle speeding with a plate no earlier report used), its number and send
 * time (epoch µs, taken just before the call) in the detail "bench:&lt;n&gt;:&lt;micros&gt;".
 */
final class AlarmRaiser {

  /** A camera at the south gate of the sample park: inside the service area. */
  static final LonLat SOUTH_GATE = LonLat.newBuilder().setLon(120.944311).setLat(31.929843).build();
  private static final String AUTHORITIES = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I or O on plates
  private static final int SERIALS = 100_000;
  private static final long DEADLINE_SECONDS = 10;
  private static final long NONE = -1;

  private final AlarmIngestServiceGrpc.AlarmIngestServiceFutureStub ingest;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final long[] sentMicros;
  private final long[] sentNanos;
  private final long[] ackedNanos;
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final CountDownLatch answered;
  private volatile long worstLateNanos;

  AlarmRaiser(Channel channel, Token device, int count) {
    if (count > AUTHORITIES.length() * SERIALS) {
      throw new IllegalArgumentException("at most " + AUTHORITIES.length() * SERIALS + " distinct plates");
    }
    this.ingest = AlarmIngestServiceGrpc.newFutureStub(channel).withCallCredentials(device);
    this.sentMicros = new long[count];
    this.sentNanos = new long[count];
    this.ackedNanos = new long[count];
    Arrays.fill(ackedNanos, NONE);
    this.answered = new CountDownLatch(count);
  }

  /** A distinct valid ordinary plate per report number: 苏A00000 … 苏A99999, 苏B00000 … */
  static String plate(int n) {
    return new Plate("苏" + AUTHORITIES.charAt(n / SERIALS) + String.format("%05d", n % SERIALS)).value();
  }

  /** Sends every report on schedule on the calling thread; answers arrive on gRPC threads. */
  void sendAll(Pace pace) {
    for (int n = 0; n < sentMicros.length; n++) {
      worstLateNanos = Math.max(worstLateNanos, pace.awaitDue(n));
      send(n);
    }
  }

  /** Waits for the answers of every report sent (each has a deadline). */
  boolean awaitAnswers() throws InterruptedException {
    return answered.await(DEADLINE_SECONDS + 5, TimeUnit.SECONDS);
  }

  private void send(int n) {
    Instant now = Instant.now();
    long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    AlarmReport report = AlarmReport.newBuilder()
        .setRequestId("bench-alarm-" + runId + "-" + n)
        .setType(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING)
        .setSourceKind("vehicle")
        .setSourceId(plate(n))
        .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setLocation(SOUTH_GATE)
        .setDetail("bench:" + n + ":" + micros)
        .build();
    sentMicros[n] = micros;
    sentNanos[n] = System.nanoTime();
    Futures.addCallback(ingest.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).raise(report),
        new FutureCallback<AlarmReportAck>() {
          @Override
          public void onSuccess(AlarmReportAck ack) {
            ackedNanos[n] = System.nanoTime();
            answered.countDown();
          }

          @Override
          public void onFailure(Throwable t) {
            failures.computeIfAbsent(Status.fromThrowable(t).getCode().name(), k -> new AtomicLong()).incrementAndGet();
            answered.countDown();
          }
        }, MoreExecutors.directExecutor());
  }

  int count() {
    return sentMicros.length;
  }

  long sentMicros(int n) {
    return sentMicros[n];
  }

  boolean isAcked(int n) {
    return ackedNanos[n] != NONE;
  }

  /** The Raise round trip of an acked report, in ns. */
  long ackNanos(int n) {
    return ackedNanos[n] - sentNanos[n];
  }

  Map<String, AtomicLong> failures() {
    return failures;
  }

  /** How far behind its schedule the sender ever was (a busy machine delays the sends themselves). */
  long worstLateNanos() {
    return worstLateNanos;
  }
}
