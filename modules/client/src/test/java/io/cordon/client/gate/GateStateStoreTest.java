package io.cordon.client.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.SubjectRef;
import io.cordon.client.connection.Backoff;
import io.cordon.client.connection.ConnectionState;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.park.GateId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateStateStoreTest {

  private static final GateId G1 = new GateId("G1");
  private static final GateId G7 = new GateId("G7");

  private final FakeGateBackend backend = new FakeGateBackend();
  private final ManualScheduler retries = new ManualScheduler();
  private final GateStateStore store =
      new GateStateStore(backend, Runnable::run, retries, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));

  @Test
  void aReloadShowsEveryListedGateUnreportedOnesAsUnknown() {
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_OPEN, 4),
        status("G7", io.cordon.api.v1.GateState.GATE_STATE_UNSPECIFIED, 0));

    store.reload();

    assertThat(store.states()).containsEntry(G1, GateState.OPEN).containsEntry(G7, GateState.UNKNOWN);
  }

  @Test
  void aLiveGateStateEventChangesTheGate() {
    store.apply(stateEvent(9, "G7", "OPEN"));

    assertThat(store.state(G7)).isEqualTo(GateState.OPEN);
  }

  @Test
  void aLiveEventOlderThanTheListedStateIsIgnored() {
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_FAULT, 12));
    store.reload();

    store.apply(stateEvent(8, "G1", "OPEN"));

    assertThat(store.state(G1)).isEqualTo(GateState.FAULT);
  }

  @Test
  void aListAnswerOlderThanALiveEventDoesNotUndoIt() {
    store.apply(stateEvent(20, "G1", "CLOSED"));
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_OPEN, 15));

    store.reload();

    assertThat(store.state(G1)).isEqualTo(GateState.CLOSED);
  }

  @Test
  void theFeedConnectingReloadsTheStates() {
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_OFFLINE, 3));

    store.onStateChanged(ConnectionState.CONNECTED);

    assertThat(store.state(G1)).isEqualTo(GateState.OFFLINE);
  }

  @Test
  void theFeedReconnectingDoesNotReloadUntilItIsConnected() {
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_OFFLINE, 3));

    store.onStateChanged(ConnectionState.RECONNECTING);

    assertThat(store.states()).isEmpty();
  }

  @Test
  void eventsOfOtherTypesAreIgnored() {
    store.onEvents(List.of(Event.newBuilder().setSeq(5).setType("gate.command")
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId("G1")).putAttributes("action", "OPEN").build()));

    assertThat(store.states()).isEmpty();
  }

  @Test
  void aFailedLoadSetsTheErrorKeyAndTheNextLoadClearsIt() {
    backend.listFails = true;
    store.reload();
    assertThat(store.errorKeyProperty().get()).isEqualTo(GateStateStore.ERROR_LOAD);

    backend.listFails = false;
    store.reload();

    assertThat(store.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void aFailedLoadIsRetriedWithGrowingDelaysUntilItSucceeds() {
    backend.listFailuresLeft = 2;
    backend.states = List.of(status("G1", io.cordon.api.v1.GateState.GATE_STATE_OPEN, 4));

    store.reload();
    retries.runPending();
    retries.runPending();

    assertThat(store.state(G1)).isEqualTo(GateState.OPEN);
    assertThat(backend.listCalls).isEqualTo(3);
    assertThat(retries.delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(retries.pendingCount()).isZero();
  }

  @Test
  void theErrorKeyStaysSetWhileRetriesFailAndClearsWhenOneSucceeds() {
    backend.listFailuresLeft = 2;

    store.reload();
    retries.runPending();
    assertThat(store.errorKeyProperty().get()).isEqualTo(GateStateStore.ERROR_LOAD);

    retries.runPending();
    assertThat(store.errorKeyProperty().get()).isEmpty();
  }

  @Test
  void aClosedStoreStopsRetrying() {
    backend.listFails = true;
    store.reload();

    store.close();
    retries.runPending();

    assertThat(backend.listCalls).isEqualTo(1);
    assertThat(retries.pendingCount()).isZero();
  }

  @Test
  void aNewLoadReplacesThePendingRetryInsteadOfAddingOne() {
    backend.listFails = true;
    store.reload();
    store.reload();

    retries.runPending();

    assertThat(backend.listCalls).isEqualTo(3);
    assertThat(retries.pendingCount()).isEqualTo(1);
  }

  @Test
  void theMapIsReadOnlyForItsUsers() {
    assertThatThrownBy(() -> store.states().put(G1, GateState.OPEN)).isInstanceOf(UnsupportedOperationException.class);
  }

  private static GateStatus status(String gate, io.cordon.api.v1.GateState state, long seq) {
    return GateStatus.newBuilder().setGateId(gate).setState(state).setStateSeq(seq).build();
  }

  private static Event stateEvent(long seq, String gate, String state) {
    return Event.newBuilder().setSeq(seq).setType("gate.state")
        .addSubjects(SubjectRef.newBuilder().setKind("gate").setId(gate))
        .putAttributes("state", state).build();
  }
}
