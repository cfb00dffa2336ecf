package io.cordon.media.ts;

/** Reading the few MPEG-TS header fields the relay needs (ISO/IEC 13818-1 §2.4.3). */
public final class TsPackets {
  public static final int SIZE = 188;
  public static final byte SYNC = 0x47;
  public static final int PAT_PID = 0;

  private TsPackets() {}

  public static int pid(byte[] b, int off) {
    return ((b[off + 1] & 0x1f) << 8) | (b[off + 2] & 0xff);
  }

  /** Payload unit start: a PES packet or a PSI section begins in this packet. */
  public static boolean payloadStart(byte[] b, int off) {
    return (b[off + 1] & 0x40) != 0;
  }

  /** The random access indicator: ffmpeg's muxer sets it on the first packet of a key frame. */
  public static boolean randomAccess(byte[] b, int off) {
    boolean hasAdaptation = (b[off + 3] & 0x20) != 0;
    return hasAdaptation && (b[off + 4] & 0xff) > 0 && (b[off + 5] & 0x40) != 0;
  }

  /** Offset of the payload in the packet, or -1 when it has none. */
  public static int payloadOffset(byte[] b, int off) {
    int control = (b[off + 3] >> 4) & 0x3;
    if ((control & 0x1) == 0) {
      return -1;
    }
    int p = off + 4;
    if ((control & 0x2) != 0) {
      p += 1 + (b[off + 4] & 0xff);
    }
    return p < off + SIZE ? p : -1;
  }

  /** True when every 188th byte of {@code data} is the sync byte. */
  public static boolean aligned(byte[] data, int length) {
    if (length % SIZE != 0) {
      return false;
    }
    for (int i = 0; i < length; i += SIZE) {
      if (data[i] != SYNC) {
        return false;
      }
    }
    return true;
  }
}
