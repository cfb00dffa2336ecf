package io.cordon.devices.jt808;

/**
 * Subpackage fields of a split message.
 *
 * @param total number of packets of the whole message (1..65535 when valid)
 * @param index this packet's position, starting at 1
 */
public record Jt808Subpackage(int total, int index) {

  /**
   * Whether the fields make sense (a device may send anything: total 0, index past total); an
   * invalid pair makes the message a bad one, not the frame.
   */
  public boolean isValid() {
    return total >= 1 && index >= 1 && index <= total;
  }
}
