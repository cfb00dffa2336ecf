package io.cordon.devices.jt808;

/** Field sizes of the 0x0100 register body (maker, model, terminal id), which changed per edition. */
public enum Jt808RegisterLayout {
  /** maker 5, model 8, terminal id 7 bytes. */
  V2011(5, 8, 7),
  /** maker 5, model 20, terminal id 7 bytes. */
  V2013(5, 20, 7),
  /** maker 11, model 30, terminal id 30 bytes. */
  V2019(11, 30, 30);

  private final int makerBytes;
  private final int modelBytes;
  private final int terminalIdBytes;

  Jt808RegisterLayout(int makerBytes, int modelBytes, int terminalIdBytes) {
    this.makerBytes = makerBytes;
    this.modelBytes = modelBytes;
    this.terminalIdBytes = terminalIdBytes;
  }

  int makerBytes() {
    return makerBytes;
  }

  int modelBytes() {
    return modelBytes;
  }

  int terminalIdBytes() {
    return terminalIdBytes;
  }

  /** Bytes before the plate: province, city, the three fields and the plate colour. */
  int fixedBytes() {
    return 2 + 2 + makerBytes + modelBytes + terminalIdBytes + 1;
  }
}
