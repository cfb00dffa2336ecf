package io.cordon.devices.jt808;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A frame whose escaping, checksum and lengths are right.
 *
 * @param header decoded header
 * @param body the unescaped body (of this packet, for a subpackage)
 */
public record Jt808Frame(Jt808Header header, byte[] body) implements Jt808FrameResult {

  public Jt808Frame {
    Objects.requireNonNull(header, "header");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body without a defensive copy, for decoders inside this package. */
  byte[] bodyUnsafe() {
    return body;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Jt808Frame that && header.equals(that.header) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "Jt808Frame[" + header + ", body=" + HexFormat.of().formatHex(body) + "]";
  }
}
