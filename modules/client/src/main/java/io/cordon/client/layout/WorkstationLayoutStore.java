package io.cordon.client.layout;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a {@link WorkstationLayout} as a properties file, one per workstation. A missing or
 * damaged file gives the defaults: a bad layout file must never stop the client from starting.
 */
public final class WorkstationLayoutStore {
  private static final Logger log = LoggerFactory.getLogger(WorkstationLayoutStore.class);
  private static final String VIEW_PREFIX = "view.";
  private static final String SETTING_PREFIX = "setting.";

  private final Path file;

  public WorkstationLayoutStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** {@code ~/.cordon/workstation/<hostname>.properties}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".cordon", "workstation", hostName() + ".properties");
  }

  public Path file() {
    return file;
  }

  public WorkstationLayout load() {
    if (!Files.isRegularFile(file)) {
      return WorkstationLayout.defaults();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
      return fromProperties(props);
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable workstation layout {}: {}", file, e.toString());
      return WorkstationLayout.defaults();
    }
  }

  /** Writes the whole file anew, via a temporary file, so a crash never leaves half a layout. */
  public void save(WorkstationLayout layout) {
    Properties props = toProperties(layout);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(out, "Cordon workstation layout");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save workstation layout to " + file, e);
    }
  }

  static Properties toProperties(WorkstationLayout layout) {
    Properties props = new Properties();
    props.setProperty("language", layout.languageTag());
    props.setProperty("main.maximized", Boolean.toString(layout.mainMaximized()));
    layout.mainWindow().ifPresent(w -> putBounds(props, "main.", w));
    for (ViewPlacement view : layout.views().values()) {
      String prefix = VIEW_PREFIX + view.viewId() + ".";
      props.setProperty(prefix + "detached", Boolean.toString(view.detached()));
      view.window().ifPresent(w -> putBounds(props, prefix, w));
    }
    layout.settings().forEach((key, value) -> props.setProperty(SETTING_PREFIX + key, value));
    return props;
  }

  static WorkstationLayout fromProperties(Properties props) {
    Map<String, ViewPlacement> views = new LinkedHashMap<>();
    TreeSet<String> viewIds = new TreeSet<>();
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith(VIEW_PREFIX) && key.endsWith(".detached")) {
        viewIds.add(key.substring(VIEW_PREFIX.length(), key.length() - ".detached".length()));
      }
    }
    for (String id : viewIds) {
      String prefix = VIEW_PREFIX + id + ".";
      boolean detached = Boolean.parseBoolean(props.getProperty(prefix + "detached"));
      views.put(id, new ViewPlacement(id, detached, bounds(props, prefix)));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      if (key.startsWith(SETTING_PREFIX)) {
        settings.put(key.substring(SETTING_PREFIX.length()), props.getProperty(key));
      }
    }
    return new WorkstationLayout(
        bounds(props, "main."),
        Boolean.parseBoolean(props.getProperty("main.maximized", "false")),
        props.getProperty("language", WorkstationLayout.DEFAULT_LANGUAGE),
        views,
        settings);
  }

  private static void putBounds(Properties props, String prefix, WindowBounds w) {
    props.setProperty(prefix + "x", Double.toString(w.x()));
    props.setProperty(prefix + "y", Double.toString(w.y()));
    props.setProperty(prefix + "width", Double.toString(w.width()));
    props.setProperty(prefix + "height", Double.toString(w.height()));
  }

  private static Optional<WindowBounds> bounds(Properties props, String prefix) {
    String x = props.getProperty(prefix + "x");
    String y = props.getProperty(prefix + "y");
    String w = props.getProperty(prefix + "width");
    String h = props.getProperty(prefix + "height");
    if (x == null || y == null || w == null || h == null) {
      return Optional.empty();
    }
    return Optional.of(
        new WindowBounds(Double.parseDouble(x), Double.parseDouble(y), Double.parseDouble(w), Double.parseDouble(h)));
  }

  private static String hostName() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      name = "localhost";
    }
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
  }
}
