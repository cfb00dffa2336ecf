package io.cordon.media.testcamera;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads media files back with ffprobe, as a player would. */
public final class Ffprobe {
  private Ffprobe() {}

  /** What ffprobe reports of a file. */
  public record Probe(int exitCode, String formatName, double durationSeconds, String errors) {}

  public static Probe probe(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=format_name,duration",
        "-of", "default=noprint_wrappers=1", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("ffprobe hung on " + file);
    }
    String format = "";
    double duration = Double.NaN;
    for (String line : out.split("\n")) {
      if (line.startsWith("format_name=")) {
        format = line.substring("format_name=".length()).trim();
      } else if (line.startsWith("duration=")) {
        try {
          duration = Double.parseDouble(line.substring("duration=".length()).trim());
        } catch (NumberFormatException ignored) {
          // N/A
        }
      }
    }
    return new Probe(p.exitValue(), format, duration, err);
  }

  /** Presentation times (seconds) of the video key frames of a file. */
  public static List<Double> keyFrameTimes(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey",
        "-show_entries", "frame=pts_time", "-of", "csv=p=0", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getErrorStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
    return out.lines().map(String::trim).filter(s -> !s.isEmpty() && !s.equals("N/A"))
        .map(s -> s.replace(",", "")).map(Double::parseDouble).toList();
  }

  /** True when the first video packet of a file is flagged as a key frame. */
  public static boolean startsWithKeyFrame(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1",
        "-show_entries", "packet=flags", "-of", "csv=p=0", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.getErrorStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
    return out.startsWith("K");
  }
}
