package io.cordon.devices.jt808;

import java.util.Objects;

/**
 * A refused frame.
 *
 * @param reason why it was refused
 * @param header the header when it could still be read (layout consistent with the length), so
 *     that the terminal can be told the message was bad; null otherwise
 */
public record Jt808BadFrame(Jt808BadFrameReason reason, Jt808Header header) implements Jt808FrameResult {

  public Jt808BadFrame {
    Objects.requireNonNull(reason, "reason");
  }
}
