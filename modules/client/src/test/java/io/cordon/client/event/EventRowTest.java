package io.cordon.client.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import org.junit.jupiter.api.Test;

class EventRowTest {
  @Test
  void carriesTheEventsLocationWhenItHasOne() {
    Event located = EventListViewModelTest.event(10).toBuilder()
        .setLocation(LonLat.newBuilder().setLon(120.8).setLat(31.9))
        .build();
    assertThat(EventRow.from(located).location()).contains(new EventLocation(120.8, 31.9));
  }

  @Test
  void hasNoLocationWhenTheEventHasNone() {
    assertThat(EventRow.from(EventListViewModelTest.event(11)).location()).isEmpty();
  }
}
