package io.cordon.client.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.client.connection.ConnectionState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
  private final StatusViewModel vm = new StatusViewModel("127.0.0.1:9000");

  @Test
  void followsTheFeedsConnectionState() {
    vm.onStateChanged(ConnectionState.RECONNECTING);
    assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(vm.stateKeyBinding().get()).isEqualTo("connection.reconnecting");
  }

  @Test
  void remembersTheLastSequenceNumberReceived() {
    vm.onEvents(List.of(Event.newBuilder().setSeq(41).build(), Event.newBuilder().setSeq(42).build()));
    assertThat(vm.lastSeqProperty().get()).isEqualTo(42);
  }

  @Test
  void showsTheServerAddress() {
    assertThat(vm.serverAddressProperty().get()).isEqualTo("127.0.0.1:9000");
  }

  @Test
  void saysWhenTheAlarmStreamIsReconnecting() {
    vm.onAlarmFeedState(ConnectionState.RECONNECTING);
    assertThat(vm.alarmFeedStateProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(vm.alarmFeedKeyBinding().get()).isEqualTo("alarm.feed.connection.reconnecting");
  }

  @Test
  void saysNothingAboutAConnectedAlarmStream() {
    vm.onAlarmFeedState(ConnectionState.CONNECTED);
    assertThat(vm.alarmFeedKeyBinding().get()).isEmpty();
  }

  @Test
  void theAlarmStreamIsNotTakenForTheEventStream() {
    vm.onStateChanged(ConnectionState.CONNECTED);
    vm.onAlarmFeedState(ConnectionState.DISCONNECTED);
    assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(vm.alarmFeedKeyBinding().get()).isEqualTo("alarm.feed.connection.disconnected");
  }
}
