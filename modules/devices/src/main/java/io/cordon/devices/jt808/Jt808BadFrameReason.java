package io.cordon.devices.jt808;

/** Why a frame between two 0x7e delimiters was refused. */
public enum Jt808BadFrameReason {
  /** XOR of header and body differs from the check code. */
  BAD_CHECKSUM,
  /** 0x7d followed by something other than 0x01 or 0x02, or at the end of the frame. */
  BAD_ESCAPE,
  /** Fewer bytes than a header, check code and the declared body need. */
  TRUNCATED,
  /** More than the maximum frame size before the closing 0x7e; dropped up to the next 0x7e. */
  OVERSIZED,
  /** 2019 header with a protocol version this server does not know. */
  UNKNOWN_VERSION,
  /** More bytes than the header declares, in any header layout. */
  BODY_LENGTH_MISMATCH
}
