package io.cordon.simulator.jt808;

/**
 * Binds a terminal to a vehicle and its permit at the entry gate and takes it back at exit, as the
 * gate staff do (TripService.IssueTerminal / ReturnTerminal). Called off the event loops; throws
 * when the server refuses or cannot be reached.
 */
public interface TerminalBinding {

  /** The trip's terminal was issued at this gate. */
  void issue(String terminalNumber, HazmatPermit permit, String gateId);

  /** The terminal came back at this gate. */
  void giveBack(String terminalNumber, String gateId);
}
