package io.cordon.simulator.camera;

/** The two streams every test camera serves, as real IP cameras do. */
public enum TestStream {
  MAIN(1280, 720),
  SUB(640, 360);

  private final int width;
  private final int height;

  TestStream(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The RTSP path on the camera's port: {@code main} or {@code sub}. */
  public String path() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
