package io.cordon.map.tiles;

import java.io.IOException;

/** The configured tile path exists but is not a tile set the map can read; the message says why. */
public final class TileSourceException extends IOException {
  private static final long serialVersionUID = 1L;

  public TileSourceException(String message) {
    super(message);
  }

  public TileSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
