package io.cordon.video.camera;

import java.util.Objects;

/** One stream a camera offers, e.g. "main" 1280×720 or "sub" 640×360; sizes are in pixels. */
public record StreamProfile(String name, int width, int height) {
  public StreamProfile {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("stream profile name must not be blank");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("stream size must be positive: " + width + "x" + height);
    }
  }

  public long pixels() {
    return (long) width * height;
  }
}
