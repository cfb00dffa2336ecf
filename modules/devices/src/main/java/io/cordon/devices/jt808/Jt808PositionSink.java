package io.cordon.devices.jt808;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where decoded positions go (the server's track pipeline implements it).
 *
 * <p>The terminal is acknowledged (0x8001 result 0) only when the returned stage completes
 * normally, so an implementation that completes after persisting loses nothing it acknowledged; a
 * stage that completes exceptionally (or a thrown exception) answers result 1, and the terminal
 * sends the report again. Calls come from the connection's event-loop thread, in the terminal's
 * message order, and must not block: queue the work and complete the stage later. A connection
 * stops reading while too many of its stages are incomplete.
 */
@FunctionalInterface
public interface Jt808PositionSink {

  /**
   * Takes the positions of one message, in the order the terminal sent them.
   *
   * @return completes when the positions are safely taken
   */
  CompletionStage<Void> accept(List<Jt808Position> positions);
}
