package io.cordon.devices.jt808;

/** A good frame whose body does not decode as its message type says (answered with result 2). */
public final class MalformedBodyException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedBodyException(String message) {
    super(message, null, false, false);
  }
}
