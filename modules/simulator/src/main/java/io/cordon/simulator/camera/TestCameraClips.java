package io.cordon.simulator.camera;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Makes each test camera's clips with ffmpeg: a moving test pattern with the camera's name and a running clock
 * (the clip's time, hh:mm:ss.mmm, so pictures visibly change) burned in; H.264 baseline, 25 fps, a key frame
 * every second so players start fast; 10 s, served in a loop. Clips are cached in a directory (readable by
 * the unprivileged user cvlc runs as) and only made once per camera name and stream.
 */
public final class TestCameraClips {
  /** Bump when the recipe changes so cached clips are remade. */
  private static final String RECIPE = "v1c";
  private static final int SECONDS = 10;

  private final Path dir;
  private final CameraTools tools;

  public TestCameraClips(Path dir, CameraTools tools) {
    this.dir = dir;
    this.tools = tools;
  }

  /** The default cache: {@code $TMPDIR/cordon-test-cameras}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "cordon-test-cameras");
  }

  public Path dir() {
    return dir;
  }

  /** The clip of {@code camera}'s {@code stream}, made now if not cached. */
  public synchronized Path clip(TestCamera camera, TestStream stream) throws IOException, InterruptedException {
    if (tools.ffmpeg().isEmpty()) {
      throw new IOException(tools.problem().orElse("ffmpeg missing"));
    }
    Files.createDirectories(dir);
    openToAll(dir, "rwxr-xr-x");
    String key = Integer.toHexString((camera.id() + "\n" + camera.name()).hashCode());
    Path clip = dir.resolve(safe(camera.id()) + "-" + key + "-" + stream.path() + "-" + RECIPE + ".mp4");
    if (Files.exists(clip)) {
      return clip;
    }
    Path nameFile = dir.resolve(safe(camera.id()) + "-" + key + ".name.txt");
    Files.writeString(nameFile, camera.name(), StandardCharsets.UTF_8);
    Path tmp = dir.resolve(clip.getFileName() + ".part.mp4");
    List<String> command = new ArrayList<>(List.of(tools.ffmpeg().get().toString(), "-hide_banner", "-loglevel", "error",
        "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + stream.width() + "x" + stream.height() + ":rate=25",
        "-t", Integer.toString(SECONDS), "-vf", filter(nameFile, stream),
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
        "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", tmp.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      Files.deleteIfExists(tmp);
      throw new IOException("ffmpeg could not make the clip of " + camera.id() + ": " + output.strip());
    }
    Files.move(tmp, clip, StandardCopyOption.REPLACE_EXISTING);
    openToAll(clip, "rw-r--r--");
    return clip;
  }

  private String filter(Path nameFile, TestStream stream) {
    int big = stream.height() / 15;
    String font = tools.cjkFont().map(f -> "fontfile=" + escape(f.toString())).orElse("font=Sans");
    String box = ":fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=" + big / 4;
    // centred, so the wall's own overlays (name top-left, clock top-right, state bottom-left) stay clear
    return "drawtext=" + font + ":textfile=" + escape(nameFile.toString()) + ":fontsize=" + big + box
        + ":x=(w-tw)/2:y=h*0.36"
        + ",drawtext=" + font + ":text='%{pts\\:hms}':fontsize=" + big + box + ":x=(w-tw)/2:y=h*0.52";
  }

  /** Filter-graph option values: escape the characters the parser treats specially. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\\'").replace(",", "\\,");
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
  }

  static void openToAll(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to open up
    }
  }
}
