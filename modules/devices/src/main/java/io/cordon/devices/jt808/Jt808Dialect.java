package io.cordon.devices.jt808;

/**
 * How a terminal writes its headers, so that replies go back in the same form.
 *
 * @param version header layout
 * @param protocolVersion the 2019 header's protocol version byte (1 for the 2019 edition); 0 for 2013
 * @param versionFlag whether body properties bit 14 is set; true for 2019, and also for the
 *     non-conforming devices that set it while sending a 2013 header
 */
public record Jt808Dialect(Jt808Version version, int protocolVersion, boolean versionFlag) {

  /** 2011/2013 header, version bit clear. */
  public static final Jt808Dialect V2013 = new Jt808Dialect(Jt808Version.V2013, 0, false);
  /** 2013 header with the version bit set anyway (seen in the field). */
  public static final Jt808Dialect V2013_FLAGGED = new Jt808Dialect(Jt808Version.V2013, 0, true);
  /** 2019 header, protocol version 1. */
  public static final Jt808Dialect V2019 = new Jt808Dialect(Jt808Version.V2019, 1, true);

  public Jt808Dialect {
    if (version == null) {
      throw new IllegalArgumentException("version");
    }
    if (protocolVersion < 0 || protocolVersion > 0xff) {
      throw new IllegalArgumentException("protocolVersion out of range: " + protocolVersion);
    }
  }

  /** Length of the header without subpackage fields. */
  public int headerLength() {
    return version == Jt808Version.V2019 ? 17 : 12;
  }

  /** Digits of the terminal number in this layout (12 or 20). */
  public int terminalDigits() {
    return version == Jt808Version.V2019 ? 20 : 12;
  }
}
