package io.cordon.client.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.VehiclePosition;
import io.cordon.api.v1.VehicleTrack;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What JT/T 808 tracking adds to live vehicles reaches the store. */
class LiveTrackingTest {
  private final LiveVehicleStore store = new LiveVehicleStore(Duration.ofMinutes(5), Duration.ofSeconds(5),
      Duration.ofSeconds(120), Clock.systemUTC());

  private static VehicleTrack track(long seconds, String... violations) {
    return VehicleTrack.newBuilder().setPlate("终端:013800138999")
        .setVehicleClass(io.cordon.api.v1.VehicleClass.VEHICLE_CLASS_HAZMAT)
        .setCurrent(VehiclePosition.newBuilder().setPosition(LonLat.newBuilder().setLon(118.7).setLat(32.2))
            .setTime(Timestamp.newBuilder().setSeconds(seconds)))
        .setTerminalNumber("013800138999").setUnbound(true).addAllViolations(List.of(violations))
        .build();
  }

  @Test
  void aLiveVehicleCarriesItsTerminalUnboundFlagAndViolations() {
    TrackedVehicle vehicle = LiveTrackFeed.fromProto(track(1000, "OVERSPEED"));

    assertThat(vehicle.tracking().terminalNumber()).isEqualTo("013800138999");
    assertThat(vehicle.tracking().unbound()).isTrue();
    assertThat(vehicle.tracking().violations()).containsExactly("OVERSPEED");
  }

  @Test
  void aVehicleReportedWithoutTrackingHasNone() {
    TrackedVehicle vehicle = LiveTrackFeed.fromProto(track(1000).toBuilder().clearTerminalNumber().setUnbound(false)
        .build());

    assertThat(vehicle.tracking()).isEqualTo(TripTracking.NONE);
  }

  @Test
  void anUpdateReplacesTheViolationsEvenWithoutANewerFix() {
    store.applySnapshotPart(List.of(LiveTrackFeed.fromProto(track(1000, "OVERSPEED"))), true, true);

    store.applyUpdate(List.of(LiveTrackFeed.fromProto(track(1000, "SIGNAL_LOST"))), List.of());

    assertThat(store.find("终端:013800138999").orElseThrow().tracking().violations()).containsExactly("SIGNAL_LOST");
  }

  @Test
  void aMovedVehicleKeepsItsTrailAndTakesTheNewViolations() {
    store.applySnapshotPart(List.of(LiveTrackFeed.fromProto(track(1000, "OVERSPEED"))), true, true);

    store.applyUpdate(List.of(LiveTrackFeed.fromProto(track(1010))), List.of());

    TrackedVehicle vehicle = store.find("终端:013800138999").orElseThrow();
    assertThat(vehicle.trail()).hasSize(1);
    assertThat(vehicle.tracking().violating()).isFalse();
  }
}
