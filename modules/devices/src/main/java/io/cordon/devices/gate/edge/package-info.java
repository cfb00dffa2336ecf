/**
 * The gate agent: the software that runs at a gate (issue 7, guideline §5.2.9, §7.3). It drives the
 * gate's lanes through {@link io.cordon.devices.gate.edge.LaneHardware}, asks the server over the
 * {@code GateAgentService.Connect} stream whether an identified holder may pass, and carries out
 * the server's barrier commands. It keeps a signed cache of the gate's permits, blacklist and
 * holders ({@link io.cordon.devices.gate.edge.AgentCache}); when the server does not answer in time
 * it decides alone ({@link io.cordon.devices.gate.edge.OfflineDecider}, the domain
 * {@code GateAccessPolicy} on the cache), writes each such decision to an append-only journal
 * before the barrier moves ({@link io.cordon.devices.gate.edge.RecordQueue}) and uploads it when
 * the link is back; the server deduplicates by record id, so a batch sent twice counts once.
 */
package io.cordon.devices.gate.edge;
