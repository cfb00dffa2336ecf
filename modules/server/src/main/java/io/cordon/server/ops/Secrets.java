package io.cordon.server.ops;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Reads a password from a file (first line), an environment variable or the console, never from the command line. */
final class Secrets {

  private Secrets() {
  }

  static Optional<String> read(Optional<Path> file, String envName, Map<String, String> env, String prompt,
      boolean confirm) {
    if (file.isPresent()) {
      try {
        String text = Files.readString(file.get(), StandardCharsets.UTF_8);
        return Optional.of(text.lines().findFirst().orElse(""));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.get(), e);
      }
    }
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (first == null) {
      return Optional.empty();
    }
    if (confirm) {
      char[] second = console.readPassword("%s (again): ", prompt);
      if (second == null || !Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
    }
    return Optional.of(new String(first));
  }
}
