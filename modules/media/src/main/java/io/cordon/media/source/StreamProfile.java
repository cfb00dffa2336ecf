package io.cordon.media.source;

import java.util.Locale;
import java.util.Optional;

/** Which of a camera's encoder streams: the full-resolution main stream or the small sub-stream. */
public enum StreamProfile {
  MAIN,
  SUB;

  /** The name used in relay URLs and files: {@code main} or {@code sub}. */
  public String urlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StreamProfile> fromUrlName(String name) {
    for (StreamProfile p : values()) {
      if (p.urlName().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
