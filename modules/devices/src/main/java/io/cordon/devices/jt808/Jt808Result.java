package io.cordon.devices.jt808;

/** Result codes of the platform general response 0x8001. */
public enum Jt808Result {
  OK(0),
  FAILED(1),
  BAD_MESSAGE(2),
  NOT_SUPPORTED(3),
  ALARM_CONFIRMED(4);

  private final int code;

  Jt808Result(int code) {
    this.code = code;
  }

  /** The code on the wire. */
  public int code() {
    return code;
  }
}
