package io.cordon.devices.jt808;

/** Edition of the header layout: the 2011 and 2013 editions share one. */
public enum Jt808Version {
  /** 12-byte header, 6-byte BCD terminal number (also the 2011 edition). */
  V2013,
  /** 17-byte header: protocol version byte and 10-byte BCD terminal number. */
  V2019
}
