package io.cordon.server.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM that holds an H2 database open, as a running server does: H2's Shell connected to
 * the URL, waiting for SQL on its standard input until closed.
 */
final class H2HoldingProcess implements AutoCloseable {

  private final Process process;

  private H2HoldingProcess(Process process) {
    this.process = process;
  }

  static H2HoldingProcess open(String url, String user) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", h2Jar, "org.h2.tools.Shell",
        "-url", url, "-user", user, "-password", ""))
        .redirectErrorStream(true)
        .start();
    // The shell prints its prompt once it has connected.
    process.getOutputStream().write("select 1;\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.contains("row")) { // "(1 row, 0 ms)": connected and answering
        return new H2HoldingProcess(process);
      }
    }
    throw new IOException("H2 shell ended before connecting (exit " + process.exitValue() + ")");
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
