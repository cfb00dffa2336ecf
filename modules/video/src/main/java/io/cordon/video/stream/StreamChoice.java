package io.cordon.video.stream;

import io.cordon.video.camera.StreamProfile;
import java.util.Comparator;
import java.util.List;

/**
 * Picks what a tile decodes: the smallest stream that is at least the tile's size in physical
 * pixels, else the largest. So a 3×3 wall on 1920×1080 (640×360 tiles) decodes sub-streams only.
 * "At least the tile's size" is measured where the picture lands: a stream is big enough when
 * fitting it into the tile (aspect kept) does not enlarge it.
 */
public final class StreamChoice {
  /** A couple of pixels (borders, rounding, HiDPI scale) must not push a tile onto the main stream. */
  private static final double TOLERANCE = 1.01;

  private StreamChoice() {
  }

  public static StreamProfile choose(List<StreamProfile> streams, double tileWidthPx, double tileHeightPx) {
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("no streams to choose from");
    }
    Comparator<StreamProfile> bySize = Comparator.comparingLong(StreamProfile::pixels);
    return streams.stream()
        .filter(s -> fitScale(s, tileWidthPx, tileHeightPx) <= TOLERANCE)
        .min(bySize)
        .orElseGet(() -> streams.stream().max(bySize).orElseThrow());
  }

  /** The stream with the fewest pixels: the quickest first picture (and the one a relay keeps warm). */
  public static StreamProfile quickest(List<StreamProfile> streams) {
    return streams.stream().min(Comparator.comparingLong(StreamProfile::pixels))
        .orElseThrow(() -> new IllegalArgumentException("no streams to choose from"));
  }

  /** How much the stream is scaled when fitted into the tile with its aspect kept. */
  static double fitScale(StreamProfile stream, double tileWidthPx, double tileHeightPx) {
    return Math.min(tileWidthPx / stream.width(), tileHeightPx / stream.height());
  }
}
