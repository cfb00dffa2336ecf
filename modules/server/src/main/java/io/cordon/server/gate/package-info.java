/**
 * Gates at run time, interim (ADR 0006): the current state of every gate (a table projected from
 * the journal's {@code gate.state} events), manual open/close commands journaled as {@code
 * gate.command} events and delivered to the gates through a journal-backed feed, and the
 * client-facing {@code GateService}.
 */
package io.cordon.server.gate;
