package io.cordon.media.ticket;

/** The outcome of checking a ticket for a requested stream. */
public sealed interface TicketCheck {
  /** The ticket is valid for the stream. */
  record Accepted(StreamTicket ticket) implements TicketCheck {}

  /** Refused; {@code reason} is short and safe to send back (it names no secret). */
  record Rejected(String reason) implements TicketCheck {}
}
