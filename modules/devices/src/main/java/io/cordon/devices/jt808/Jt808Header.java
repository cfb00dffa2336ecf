package io.cordon.devices.jt808;

import java.util.Objects;

/**
 * A decoded message header.
 *
 * @param messageId message id (0x0200 location, ...)
 * @param dialect header layout the terminal used
 * @param terminalNumber the BCD terminal number as its hex digits (12 for 2013, 20 for 2019),
 *     kept verbatim so that terminals sending non-BCD ids (binary IMEIs) still have a stable key
 * @param serial message serial number, 0..65535
 * @param encryption body properties bits 10..12 (0 none, 1 RSA)
 * @param subpackage subpackage fields, or null when the message is not split
 * @param bodyLength body length from the body properties (of this packet)
 */
public record Jt808Header(int messageId, Jt808Dialect dialect, String terminalNumber, int serial,
    int encryption, Jt808Subpackage subpackage, int bodyLength) {

  public Jt808Header {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(terminalNumber, "terminalNumber");
  }

  /** Whether the body is split over several packets. */
  public boolean isSubpackage() {
    return subpackage != null;
  }

  /** Header length on the wire, subpackage fields included. */
  public int length() {
    return dialect.headerLength() + (subpackage == null ? 0 : 4);
  }
}
