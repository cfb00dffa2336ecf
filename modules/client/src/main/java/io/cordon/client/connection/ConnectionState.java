package io.cordon.client.connection;

/** How the live link to the server stands, as the status bar shows it. */
public enum ConnectionState {
  /** Not connected and not trying (before the first start, or after close). */
  DISCONNECTED,
  /** The first connection attempt is under way. */
  CONNECTING,
  /** Signed in and subscribed to the live event stream. */
  CONNECTED,
  /** The link broke; retrying by itself with backoff. */
  RECONNECTING
}
