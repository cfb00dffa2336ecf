/**
 * Interim device side of gates (ADR 0006): gate controllers report their barrier state through
 * {@code GateStatusService.ReportState} and receive the open/close commands issued for them through
 * {@code WatchCommands}. The server supplies the park's gates ({@link
 * io.cordon.devices.gate.GateDirectory}), commits reports ({@link
 * io.cordon.devices.gate.GateStateSink}) and delivers commands ({@link
 * io.cordon.devices.gate.GateCommandFeed}); the gate-agent protocol of issue 7 replaces this
 * service behind the same interfaces.
 */
package io.cordon.devices.gate;
