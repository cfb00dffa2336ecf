package io.cordon.server.track;

import static io.cordon.server.track.LiveVehiclePositionsTest.fix;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.LiveTrackUpdate;
import io.cordon.api.v1.VehicleTrack;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One live stream over a transport that is not always ready, as a slow client's is. */
class LiveTrackStreamTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  private final LiveVehiclePositionsTest.MutableClock clock = new LiveVehiclePositionsTest.MutableClock(T0);
  private final LiveVehiclePositions live = new LiveVehiclePositions(TrackSettings.defaults(), clock);
  private final SlowTransport transport = new SlowTransport();
  private final LiveTrackStream stream = new LiveTrackStream(transport, live, clock);

  @Test
  void whatASlowSubscriberMissedArrivesAsOneUpdateWithTheLatestFixOfEachVehicle() {
    live.accept(List.of(fix("苏A12345", 0), fix("苏B22222", 0)), T0);
    stream.start();
    stream.tick();
    transport.ready = false;
    for (int s = 1; s <= 50; s++) {
      live.accept(List.of(fix("苏A12345", s), fix("苏B22222", s)), T0.plusSeconds(s));
      stream.tick();
    }

    transport.ready = true;
    stream.tick();

    assertThat(transport.sent).hasSize(2);
    LiveTrackUpdate merged = transport.sent.get(1);
    assertThat(merged.getSnapshot()).isFalse();
    assertThat(merged.getVehiclesList()).extracting(VehicleTrack::getPlate)
        .containsExactlyInAnyOrder("苏A12345", "苏B22222");
    assertThat(merged.getVehiclesList()).allSatisfy(vehicle ->
        assertThat(vehicle.getCurrent().getTime().getSeconds()).isEqualTo(T0.plusSeconds(50).getEpochSecond()));
  }

  @Test
  void aSubscriberStalledLongerThanRemovalsAreRememberedGetsAFreshSnapshot() {
    live.accept(List.of(fix("苏A12345", 0)), T0);
    stream.start();
    stream.tick();
    transport.ready = false;
    clock.now = T0.plus(Duration.ofMinutes(3));
    live.expire();
    clock.now = clock.now.plus(LiveVehiclePositions.REMOVAL_MEMORY).plusSeconds(1);
    live.accept(List.of(fix("苏B22222", 900)), clock.now);
    live.expire();
    stream.tick();

    transport.ready = true;
    stream.tick();

    LiveTrackUpdate last = transport.sent.get(transport.sent.size() - 1);
    assertThat(transport.sent).hasSize(2);
    assertThat(last.getSnapshot()).isTrue();
    assertThat(last.getSnapshotEnd()).isTrue();
    assertThat(last.getVehiclesList()).extracting(VehicleTrack::getPlate).containsExactly("苏B22222");
  }

  /** Records what is sent; not ready while {@link #ready} is false. */
  private static final class SlowTransport extends ServerCallStreamObserver<LiveTrackUpdate> {
    volatile boolean ready = true;
    final List<LiveTrackUpdate> sent = new ArrayList<>();

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void onNext(LiveTrackUpdate value) {
      if (!ready) {
        throw new AssertionError("sent while the transport was not ready");
      }
      sent.add(value);
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError("the stream failed", t);
    }

    @Override
    public void onCompleted() {
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
    }

    @Override
    public void setCompression(String compression) {
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
    }

    @Override
    public void disableAutoInboundFlowControl() {
    }

    @Override
    public void request(int count) {
    }

    @Override
    public void setMessageCompression(boolean enable) {
    }
  }
}
