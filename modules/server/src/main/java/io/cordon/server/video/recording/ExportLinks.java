package io.cordon.server.video.recording;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where exported clips go and the relay URLs that serve them, as {@code RecordingService.ExportClip} uses them, for
 * other exports of recorded video (an incident's clips). Only a server that runs a relay has them.
 */
public interface ExportLinks {

  /** The directory the relay serves exports from ({@code <data dir>/exports}). */
  Path exportsDir();

  /** A ticketed URL of {@code fileName} in {@link #exportsDir()} for {@code user}, valid {@link #ticketLifetime()}. */
  String export(String fileName, String user);

  /** How long after it is issued a URL can still start a download. */
  Duration ticketLifetime();
}
