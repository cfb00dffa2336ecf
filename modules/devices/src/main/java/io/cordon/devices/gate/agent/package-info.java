/**
 * Server side of the gate-agent protocol (issue 7, {@code GateAgentService.Connect}): one live
 * session per gate ({@link io.cordon.devices.gate.agent.AgentSessions}), each with its own outbound
 * queue that respects transport readiness, so a slow agent never holds up the others; every message
 * is checked ({@link io.cordon.devices.gate.agent.AgentMessageChecks}) and a bad one is answered
 * with an {@code AgentError} while the stream stays open. What the messages mean is the server's
 * business, behind the {@link io.cordon.devices.gate.agent.GateAgentBackend} port.
 */
package io.cordon.devices.gate.agent;
