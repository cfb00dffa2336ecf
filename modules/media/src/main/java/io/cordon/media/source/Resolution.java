package io.cordon.media.source;

/** Picture size of a stream in pixels. */
public record Resolution(int width, int height) {
  public Resolution {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("resolution must be positive: " + width + "x" + height);
    }
  }

  /** Parses {@code 1280x720}. */
  public static Resolution parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("resolution must look like 1280x720: " + text);
    }
    return new Resolution(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
