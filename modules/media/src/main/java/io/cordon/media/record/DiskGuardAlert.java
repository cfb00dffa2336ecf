package io.cordon.media.record;

import java.nio.file.Path;

/** Told when the disk guard cannot free space because only protected segments (evidence) are left. */
@FunctionalInterface
public interface DiskGuardAlert {
  /**
   * @param root the recordings directory
   * @param freeBytes usable bytes left under it
   * @param floorBytes the configured floor
   * @param protectedSegments how many protected segments remain
   */
  void onlyProtectedLeft(Path root, long freeBytes, long floorBytes, long protectedSegments);
}
