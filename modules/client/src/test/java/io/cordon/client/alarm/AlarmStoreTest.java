package io.cordon.client.alarm;

import static io.cordon.client.alarm.AlarmFixtures.changes;
import static io.cordon.client.alarm.AlarmFixtures.critical;
import static io.cordon.client.alarm.AlarmFixtures.major;
import static io.cordon.client.alarm.AlarmFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmBatch;
import io.cordon.api.v1.AlarmState;
import io.cordon.api.v1.Snooze;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmStoreTest {
  private final ManualExecutor ui = new ManualExecutor();
  private final AlarmStore store = new AlarmStore(ui);
  private final List<AlarmStore.Changes> heard = new ArrayList<>();

  {
    store.addListener(heard::add);
  }

  @Test
  void aSnapshotReplacesEverythingTheStoreHeld() {
    store.apply(snapshot(5, critical("A-000001"), major("A-000002")));
    store.apply(snapshot(9, major("A-000003")));
    ui.runAll();

    assertThat(store.all()).extracting(Alarm::getAlarmId).containsExactly("A-000003");
    assertThat(heard).singleElement().satisfies(c -> {
      assertThat(c.replaced()).isTrue();
      assertThat(c.changed()).extracting(Alarm::getAlarmId).containsExactly("A-000003");
    });
  }

  @Test
  void aBatchOfChangesReplacesAlarmsByIdAndKeepsTheOthers() {
    store.apply(snapshot(5, critical("A-000001"), major("A-000002")));
    ui.runAll();
    Alarm taken = critical("A-000001").toBuilder().setVersion(2).setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).build();

    store.apply(changes(6, taken));
    ui.runAll();

    assertThat(store.find("A-000001")).contains(taken);
    assertThat(store.find("A-000002")).isPresent();
    assertThat(heard.get(1).replaced()).isFalse();
    assertThat(heard.get(1).changed()).containsExactly(taken);
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() {
    Alarm newer = critical("A-000001").toBuilder().setVersion(3).setState(AlarmState.ALARM_STATE_DISPATCHED).build();
    store.put(newer);

    store.apply(changes(7, critical("A-000001")));

    assertThat(store.find("A-000001")).contains(newer);
  }

  @Test
  void aSnapshotKeepsAnActionsAnswerThatIsNewerThanTheSnapshot() {
    Alarm answer = critical("A-000001").toBuilder().setVersion(2).setState(AlarmState.ALARM_STATE_ACKNOWLEDGED).build();
    store.put(answer);

    store.apply(snapshot(4, critical("A-000001")));

    assertThat(store.find("A-000001")).contains(answer);
  }

  @Test
  void aStormOfTenThousandAlarmsPostsOneUiTaskWhileThatTaskIsWaiting() {
    for (int i = 1; i <= 10_000; i++) {
      store.apply(changes(i, major(String.format("A-%06d", i))));
    }

    assertThat(ui.pendingCount()).isEqualTo(1);
    ui.runAll();
    assertThat(heard).singleElement().satisfies(c -> assertThat(c.changed()).hasSize(10_000));
  }

  @Test
  void snoozesAreReplacedOnlyWhenTheBatchSaysTheyChanged() {
    Snooze fence = Snooze.newBuilder().setSourceKind("sensor").setSourceId("S-0034").setReason("大风").build();
    store.apply(AlarmBatch.newBuilder().setSeq(3).setSnoozesChanged(true).addSnoozes(fence).build());
    store.apply(changes(4, major("A-000001")));

    assertThat(store.snoozes()).containsExactly(fence);
    assertThat(store.snoozeOf("sensor", "S-0034")).contains(fence);
  }
}
