package io.cordon.bench.wall;

import java.util.concurrent.TimeUnit;

/** A PNG of the whole X display (ImageMagick's import), for the issue note's picture of a live wall. */
final class Screenshot {
  private Screenshot() {
  }

  static void ofDisplay(String file) {
    try {
      Process p = new ProcessBuilder("import", "-window", "root", file).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean done = p.waitFor(20, TimeUnit.SECONDS);
      System.out.println(done && p.exitValue() == 0 ? "screenshot of the wall: " + file
          : "screenshot failed (is ImageMagick's import installed?)");
    } catch (Exception e) {
      System.out.println("screenshot failed: " + e.getMessage());
    }
  }
}
