package io.cordon.simulator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.GateAction;
import io.cordon.api.v1.GateState;
import org.junit.jupiter.api.Test;

class VirtualGateTest {

  @Test
  void aNormallyClosedGateStartsClosed() {
    assertThat(new VirtualGate("G7", true).state()).isEqualTo(GateState.GATE_STATE_CLOSED);
  }

  @Test
  void aGateInServiceStartsOpen() {
    assertThat(new VirtualGate("G1", false).state()).isEqualTo(GateState.GATE_STATE_OPEN);
  }

  @Test
  void anOpenCommandOpensAClosedGate() {
    assertThat(new VirtualGate("G7", true).obey(GateAction.GATE_ACTION_OPEN)).isEqualTo(GateState.GATE_STATE_OPEN);
  }

  @Test
  void aFaultyGateStaysInFaultWhenCommanded() {
    VirtualGate gate = new VirtualGate("G7", true);
    gate.fail();

    assertThat(gate.obey(GateAction.GATE_ACTION_OPEN)).isEqualTo(GateState.GATE_STATE_FAULT);
  }

  @Test
  void aRecoveredGateCarriesOutTheCommandItReceivedWhileFaulty() {
    VirtualGate gate = new VirtualGate("G7", true);
    gate.fail();
    gate.obey(GateAction.GATE_ACTION_OPEN);

    assertThat(gate.recover()).isEqualTo(GateState.GATE_STATE_OPEN);
  }
}
