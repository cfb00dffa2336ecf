/**
 * Gates in the client: the live state of every gate ({@link io.cordon.client.gate.GateStateStore})
 * and manual open/close with a reason ({@link io.cordon.client.gate.GateCommandViewModel}).
 */
package io.cordon.client.gate;
