package io.cordon.client.gate.emergency;

/** One gate's progress in an emergency opening, as the progress window shows it. */
public enum GateProgress {
  /** Sent to a connected agent, not confirmed yet (已下发). */
  COMMANDED,
  /** The agent is not connected: it gets the command when it is (排队). */
  QUEUED,
  /** The agent confirmed the barriers are open / in evacuation mode (已确认开启). */
  CONFIRMED,
  /** The agent reported failure, or no confirmation in time (失败); may be retried. */
  FAILED,
  /** Back to normal after the end of the emergency (已恢复). */
  RESTORED,
  /** Not said yet. */
  UNKNOWN;

  static GateProgress of(io.cordon.api.v1.EmergencyGateState state) {
    switch (state) {
      case EMERGENCY_GATE_STATE_COMMANDED:
        return COMMANDED;
      case EMERGENCY_GATE_STATE_QUEUED:
        return QUEUED;
      case EMERGENCY_GATE_STATE_CONFIRMED:
        return CONFIRMED;
      case EMERGENCY_GATE_STATE_FAILED:
        return FAILED;
      case EMERGENCY_GATE_STATE_RESTORED:
        return RESTORED;
      default:
        return UNKNOWN;
    }
  }
}
