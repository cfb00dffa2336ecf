package io.cordon.simulator.camera;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the test cameras need from the machine: ffmpeg (makes the clips), cvlc (serves RTSP) and a CJK font
 * (Chinese camera names). {@link #problem()} says exactly what is missing and how to install it.
 */
public record CameraTools(Optional<Path> ffmpeg, Optional<Path> cvlc, Optional<Path> cjkFont) {

  /** Looks on the PATH of this process. */
  public static CameraTools detect() {
    return detect(System.getenv().getOrDefault("PATH", ""));
  }

  /** Looks on the given PATH (a test can pass one without the tools). */
  public static CameraTools detect(String path) {
    return new CameraTools(find("ffmpeg", path), find("cvlc", path), cjkFont(path));
  }

  public boolean ready() {
    return ffmpeg.isPresent() && cvlc.isPresent();
  }

  /** Empty when ready; else one sentence per missing tool, e.g. "cvlc (VLC) is not installed: apt-get install vlc". */
  public Optional<String> problem() {
    List<String> missing = new ArrayList<>();
    if (ffmpeg.isEmpty()) {
      missing.add("ffmpeg is not installed: apt-get install ffmpeg");
    }
    if (cvlc.isEmpty()) {
      missing.add("cvlc (VLC) is not installed: apt-get install vlc");
    }
    return missing.isEmpty() ? Optional.empty()
        : Optional.of("Test cameras are off. " + String.join("; ", missing) + ".");
  }

  private static Optional<Path> find(String name, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Optional.of(Path.of(dir, name));
      }
    }
    return Optional.empty();
  }

  /** A Noto CJK font from fontconfig ({@code fc-list :lang=zh file}), preferring the Sans Regular face. */
  private static Optional<Path> cjkFont(String path) {
    Optional<Path> fcList = find("fc-list", path);
    if (fcList.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder(fcList.get().toString(), ":lang=zh", "file").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      List<String> files = out.lines().map(l -> l.replaceAll(":\\s*$", "").trim()).filter(l -> !l.isEmpty()).toList();
      return files.stream().filter(f -> f.contains("Sans") && f.contains("Regular")).findFirst()
          .or(() -> files.stream().filter(f -> f.contains("CJK")).findFirst())
          .or(() -> files.stream().findFirst())
          .map(Path::of);
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
