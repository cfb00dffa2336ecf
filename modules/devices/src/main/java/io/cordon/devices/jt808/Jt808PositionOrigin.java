package io.cordon.devices.jt808;

/** How a position reached the server. */
public enum Jt808PositionOrigin {
  /** A 0x0200 location report, sent as it happened. */
  LIVE,
  /** An item of a 0x0704 normal batch upload. */
  BATCH,
  /** An item of a 0x0704 blind-area supplement: stored while out of coverage, sent late. */
  BLIND_AREA
}
