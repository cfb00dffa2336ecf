package io.cordon.media.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The camera list of a standalone relay: a UTF-8 properties file, one group of keys per camera.
 * <pre>
 * # camera.&lt;id&gt;.&lt;main|sub&gt;.url         RTSP URL without login (required per profile served)
 * # camera.&lt;id&gt;.&lt;main|sub&gt;.resolution  e.g. 1280x720 (optional)
 * # camera.&lt;id&gt;.username / .password     login for both profiles (optional; never logged)
 * camera.gate-s1-in.main.url=rtsp://10.1.2.3:554/Streaming/Channels/101
 * camera.gate-s1-in.main.resolution=1920x1080
 * camera.gate-s1-in.sub.url=rtsp://10.1.2.3:554/Streaming/Channels/102
 * camera.gate-s1-in.username=viewer
 * camera.gate-s1-in.password=secret
 * </pre>
 * Camera ids may contain dots; keys are parsed from their end.
 */
public final class CameraListFile {
  private static final String PREFIX = "camera.";

  private CameraListFile() {}

  public static List<CameraStream> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    }
  }

  public static List<CameraStream> parse(String text) {
    try {
      return parse(new StringReader(text), "camera list");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CameraStream> parse(Reader reader, String origin) throws IOException {
    Properties props = new Properties();
    props.load(reader);
    Map<String, Map<String, String>> byCamera = new LinkedHashMap<>();
    for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
      if (!key.startsWith(PREFIX)) {
        throw new IllegalArgumentException(origin + ": unknown key " + key + " (keys start with camera.)");
      }
      String rest = key.substring(PREFIX.length());
      String field = fieldOf(rest);
      if (field == null) {
        throw new IllegalArgumentException(origin + ": unknown key " + key);
      }
      String id = rest.substring(0, rest.length() - field.length() - 1);
      byCamera.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(field, props.getProperty(key).trim());
    }
    List<CameraStream> out = new ArrayList<>();
    byCamera.forEach((id, fields) -> out.addAll(streamsOf(id, fields, origin)));
    return out;
  }

  private static String fieldOf(String rest) {
    for (String f : List.of("main.url", "main.resolution", "sub.url", "sub.resolution", "username", "password")) {
      if (rest.endsWith("." + f) && rest.length() > f.length() + 1) {
        return f;
      }
    }
    return null;
  }

  private static List<CameraStream> streamsOf(String id, Map<String, String> fields, String origin) {
    Optional<StreamCredentials> login = Optional.empty();
    if (fields.containsKey("username") || fields.containsKey("password")) {
      login = Optional.of(new StreamCredentials(fields.getOrDefault("username", ""), fields.getOrDefault("password", "")));
    }
    List<CameraStream> out = new ArrayList<>();
    for (StreamProfile profile : StreamProfile.values()) {
      String url = fields.get(profile.urlName() + ".url");
      if (url == null) {
        continue;
      }
      URI uri = URI.create(url);
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(origin + ": camera " + id + " has a login in its URL; use camera."
            + id + ".username/.password");
      }
      String size = fields.get(profile.urlName() + ".resolution");
      out.add(new CameraStream(id, profile, uri, login, Optional.ofNullable(size).map(Resolution::parse)));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(origin + ": camera " + id + " has neither main.url nor sub.url");
    }
    return out;
  }
}
