package io.cordon.map.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * The decoded tiles most recently drawn, least recently used evicted first, so memory stays flat
 * however long the operator pans. Also remembers tiles the source does not have, so they are not
 * read again on every frame. FX thread only.
 */
final class TileImageCache {
  private final Map<TileKey, Optional<Image>> tiles;

  TileImageCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.tiles = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<TileKey, Optional<Image>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Whether the tile was loaded, with or without an image. */
  boolean contains(TileKey key) {
    return tiles.containsKey(key);
  }

  /** The tile's image, or null when it is not loaded or the source has none; counts as a use. */
  Image image(TileKey key) {
    Optional<Image> entry = tiles.get(key);
    return entry == null ? null : entry.orElse(null);
  }

  /** Stores a loaded tile; a null image records that the source has no such tile. */
  void put(TileKey key, Image image) {
    tiles.put(key, Optional.ofNullable(image));
  }

  void clear() {
    tiles.clear();
  }

  int size() {
    return tiles.size();
  }
}
