package io.cordon.client.gate.access;

/** The journal event types of issue 7 the client follows (see gate.proto's comment). */
public final class GateEvents {
  public static final String ACCESS = "gate.access";
  public static final String PASSAGE = "gate.passage";
  public static final String FORCED = "gate.forced";
  public static final String TAILGATE = "gate.tailgate";
  public static final String BARRIER = "gate.barrier";
  public static final String FAULT = "gate.fault";
  public static final String AGENT = "gate.agent";
  public static final String STATE = "gate.state";
  public static final String COMMAND_RESULT = "gate.command_result";

  private GateEvents() {}

  /** Events after which a gate's lanes, mode or agent may look different. */
  public static boolean changesGateStatus(String type) {
    return type.equals(BARRIER) || type.equals(FAULT) || type.equals(AGENT) || type.equals(STATE)
        || type.equals(COMMAND_RESULT) || type.startsWith("emergency.");
  }
}
