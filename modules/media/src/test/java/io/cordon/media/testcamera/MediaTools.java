package io.cordon.media.testcamera;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether ffmpeg and cvlc can run here; tests that need them are skipped with this reason otherwise. */
public final class MediaTools {
  private static volatile String missing;

  private MediaTools() {}

  /** Empty when both run, else e.g. "cvlc is not installed (apt-get install vlc)". */
  public static synchronized String missing() {
    if (missing == null) {
      List<String> gaps = new ArrayList<>();
      if (!runs("ffmpeg", "-version")) {
        gaps.add("ffmpeg is not installed (apt-get install ffmpeg)");
      }
      // not "cvlc --version": VLC refuses to run as root, and the camera fixture runs it as nobody
      if (!onPath("cvlc")) {
        gaps.add("cvlc is not installed (apt-get install vlc)");
      }
      missing = String.join("; ", gaps);
    }
    return missing;
  }

  public static boolean available() {
    return missing().isEmpty();
  }

  static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
