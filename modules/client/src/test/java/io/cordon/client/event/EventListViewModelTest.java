package io.cordon.client.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventListViewModelTest {
  static Event event(long seq) {
    return Event.newBuilder()
        .setSeq(seq)
        .setType(seq % 10 == 0 ? "sensor.intrusion" : "sensor.heartbeat")
        .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L + seq))
        .addSubjects(SubjectRef.newBuilder().setKind("sensor").setId("S-" + seq))
        .setSummary("event " + seq)
        .build();
  }

  static List<Event> events(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(EventListViewModelTest::event).toList();
  }

  @Test
  void showsTheNewestEventFirst() {
    EventListViewModel vm = new EventListViewModel();
    vm.onEvents(events(1, 3));
    vm.onEvents(events(4, 5));
    assertThat(vm.events()).extracting(EventRow::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
  }

  @Test
  void keepsOnlyTheMostRecentEventsUpToItsCapacity() {
    EventListViewModel vm = new EventListViewModel(3);
    vm.onEvents(events(1, 2));
    vm.onEvents(events(3, 7));
    assertThat(vm.events()).extracting(EventRow::seq).containsExactly(7L, 6L, 5L);
    assertThat(vm.receivedProperty().get()).isEqualTo(7);
  }

  @Test
  void rowsShowTheTimeInShanghaiAndTheMainSubject() {
    EventListViewModel vm = new EventListViewModel();
    // 2025-11-24T16:00:01Z is 2025-11-25 00:00:01 in Shanghai
    vm.onEvents(List.of(event(1).toBuilder().setTime(Timestamp.newBuilder().setSeconds(1_764_000_001L)).build()));
    EventRow row = vm.events().get(0);
    assertThat(row.timeText()).isEqualTo("2025-11-25 00:00:01");
    assertThat(row.subject()).isEqualTo("sensor S-1");
  }

  @Test
  void intrusionsAreCriticalAndHeartbeatsInformational() {
    assertThat(EventSeverity.ofType("sensor.intrusion")).isEqualTo(EventSeverity.CRITICAL);
    assertThat(EventSeverity.ofType("sensor.heartbeat")).isEqualTo(EventSeverity.INFO);
  }
}
