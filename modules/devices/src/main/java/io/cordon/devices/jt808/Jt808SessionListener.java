package io.cordon.devices.jt808;

import java.net.SocketAddress;

/**
 * Session events of terminal connections (called on the connection's event-loop thread; must not
 * block). Every method does nothing by default.
 */
public interface Jt808SessionListener {

  /** A listener that ignores everything. */
  Jt808SessionListener NONE = new Jt808SessionListener() {
  };

  /** A TCP connection was accepted. */
  default void connected(SocketAddress remote) {
  }

  /** A terminal registered and was given an auth code. */
  default void registered(String terminalNumber, Jt808Message.Register registration) {
  }

  /** A terminal authenticated with a known auth code. */
  default void authenticated(String terminalNumber, SocketAddress remote) {
  }

  /** A terminal tried to authenticate with an unknown auth code. */
  default void authenticationFailed(String terminalNumber, SocketAddress remote) {
  }

  /** A terminal unregistered (its auth code is void). */
  default void unregistered(String terminalNumber) {
  }

  /**
   * A connection closed (by the terminal, for silence, or by the server).
   *
   * @param terminalNumber the last terminal number seen on it, or null if no good frame arrived
   */
  default void disconnected(String terminalNumber, SocketAddress remote) {
  }
}
