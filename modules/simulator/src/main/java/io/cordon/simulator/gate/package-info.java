/**
 * Virtual gate controllers (interim, ADR 0006): one per gate of the park, reporting their state
 * through {@code GateStatusService.ReportState} and obeying the open/close commands they receive
 * through {@code WatchCommands}, now and then with a fault that clears by itself.
 */
package io.cordon.simulator.gate;
