package io.cordon.client.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SubjectRef;
import io.cordon.domain.alarm.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentAlarmsViewModelTest {
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private static Event event(long seq, String type, Instant time, boolean located) {
    Event.Builder b = Event.newBuilder()
        .setSeq(seq)
        .setType(type)
        .setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-" + seq))
        .setSummary(type);
    if (located) {
      b.setLocation(LonLat.newBuilder().setLon(120.81).setLat(31.95));
    }
    return b.build();
  }

  private static RecentAlarmsViewModel at(Instant now) {
    return new RecentAlarmsViewModel(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(10));
  }

  @Test
  void aLocatedIntrusionBecomesACriticalMarkerAtItsLocation() {
    RecentAlarmsViewModel vm = at(NOW);
    vm.onEvents(List.of(event(7, "sensor.intrusion", NOW, true)));
    assertThat(vm.active()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo("7");
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.lon()).isEqualTo(120.81);
      assertThat(a.lat()).isEqualTo(31.95);
    });
  }

  @Test
  void heartbeatsAndEventsWithoutALocationAreNotAlarms() {
    RecentAlarmsViewModel vm = at(NOW);
    vm.onEvents(List.of(event(1, "sensor.heartbeat", NOW, true), event(2, "sensor.intrusion", NOW, false)));
    assertThat(vm.active()).isEmpty();
  }

  @Test
  void anAlarmOlderThanTheWindowIsNotShownAndExpiresLater() {
    RecentAlarmsViewModel vm = at(NOW);
    vm.onEvents(List.of(
        event(1, "sensor.tamper", NOW.minus(Duration.ofMinutes(11)), true),
        event(2, "sensor.fault", NOW.minus(Duration.ofMinutes(9)), true)));
    assertThat(vm.active()).extracting(ActiveAlarm::id).containsExactly("2");
  }

  @Test
  void expireDropsAlarmsThatAgedPastTheWindow() {
    Instant[] now = {NOW};
    Clock moving = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    RecentAlarmsViewModel vm = new RecentAlarmsViewModel(moving, Duration.ofMinutes(10));
    vm.onEvents(List.of(event(1, "sensor.fault", NOW.minus(Duration.ofMinutes(9)), true), event(2, "sensor.fault", NOW, true)));
    now[0] = NOW.plus(Duration.ofMinutes(2));
    vm.expire();
    assertThat(vm.active()).extracting(ActiveAlarm::id).containsExactly("2");
  }

  @Test
  void keepsAtMostTheNewestThousand() {
    RecentAlarmsViewModel vm = at(NOW);
    for (int i = 1; i <= RecentAlarmsViewModel.MAX_ACTIVE + 5; i++) {
      vm.onEvents(List.of(event(i, "sensor.intrusion", NOW, true)));
    }
    assertThat(vm.active()).hasSize(RecentAlarmsViewModel.MAX_ACTIVE);
    assertThat(vm.active().get(0).id()).isEqualTo("6");
  }
}
