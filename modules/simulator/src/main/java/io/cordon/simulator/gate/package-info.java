/**
 * The park's gates in the simulator. With gate agents enabled ({@link
 * io.cordon.simulator.gate.GateAgentSettings}, on in the demo) every gate runs the real gate-agent
 * software ({@code io.cordon.devices.gate.edge.GateAgent}) over the gate-agent protocol, driving
 * simulated lanes ({@link io.cordon.simulator.gate.SimulatedLane}: barrier, LED, speaker, loop
 * detector) and fed by simulated traffic ({@link io.cordon.simulator.gate.GateTraffic}: staff,
 * visitors, deliveries, unknown and blacklisted holders, forced barriers, tailgaters) chosen from
 * the agent's own signed cache. Otherwise the interim virtual gate controllers (ADR 0006) run
 * instead: one per gate, reporting their state through {@code GateStatusService.ReportState} and
 * obeying the open/close commands they receive through {@code WatchCommands}, now and then with a
 * fault that clears by itself.
 */
package io.cordon.simulator.gate;
