package io.cordon.server.ops;

import java.nio.file.Path;

/**
 * The layout of a backup archive ({@code cordon-backup-<time>.zip}): H2's own backup of the database,
 * the recordings index when the data directory has one, and a manifest.
 */
final class BackupArchive {

  /** H2's {@code BACKUP TO} output, restorable with {@code org.h2.tools.Restore}. */
  static final String DATABASE_ENTRY = "database.zip";
  /** Entries under this prefix come from and go back to {@code <data dir>/recordings/}. */
  static final String RECORDINGS_PREFIX = "recordings/";
  static final String MANIFEST_ENTRY = "manifest.properties";

  private BackupArchive() {
  }

  /** The recordings index: {@code <data dir>/recordings/index*} (the recorder's catalogue of segments, not the video). */
  static boolean isRecordingsIndex(Path file) {
    return file.getFileName().toString().startsWith("index");
  }
}
