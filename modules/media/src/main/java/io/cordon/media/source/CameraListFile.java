package io.cordon.media.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The camera list of a standalone relay: a UTF-8 properties file, one group of keys per camera.
 * <pre>
 * # camera.&lt;id&gt;.&lt;main|sub&gt;.url         RTSP URL without login (required per profile served)
 * # camera.&lt;id&gt;.&lt;main|sub&gt;.resolution  e.g. 1280x720 (optional)
 * # camera.&lt;id&gt;.&lt;main|sub&gt;.standby     true: pulled even with no viewer (optional, default false)
 * # camera.&lt;id&gt;.username / .password     login for both profiles (optional; never logged)
 * camera.gate-s1-in.main.url=rtsp://10.1.2.3:554/Streaming/Channels/101
 * camera.gate-s1-in.main.resolution=1920x1080
 * camera.gate-s1-in.sub.url=rtsp://10.1.2.3:554/Streaming/Channels/102
 * camera.gate-s1-in.sub.standby=true
 * camera.gate-s1-in.username=viewer
 * camera.gate-s1-in.password=secret
 * </pre>
 * Camera ids may contain dots; keys are parsed from their end. Standby is per stream: keep the small
 * sub-stream of cameras that alarms call up on standby, so they show a picture at once (see
 * {@code MediaRelay#setStandby}); every standby stream costs one ffmpeg and its camera's bitrate all the time.
 */
public final class CameraListFile {
  private static final String PREFIX = "camera.";

  private CameraListFile() {}

  /** The streams and the standby set of a camera list file. */
  public static CameraList readList(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    }
  }

  public static List<CameraStream> read(Path file) throws IOException {
    return readList(file).streams();
  }

  public static CameraList parseList(String text) {
    try {
      return parse(new StringReader(text), "camera list");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<CameraStream> parse(String text) {
    return parseList(text).streams();
  }

  private static CameraList parse(Reader reader, String origin) throws IOException {
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
    Set<StreamKey> standby = new HashSet<>();
    byCamera.forEach((id, fields) -> {
      List<CameraStream> streams = streamsOf(id, fields, origin);
      out.addAll(streams);
      for (StreamProfile profile : StreamProfile.values()) {
        if (fields.containsKey(profile.urlName() + ".standby") && !fields.containsKey(profile.urlName() + ".url")) {
          throw new IllegalArgumentException(origin + ": " + PREFIX + id + "." + profile.urlName()
              + ".standby is set but " + PREFIX + id + "." + profile.urlName() + ".url is missing");
        }
      }
      for (CameraStream stream : streams) {
        if (standby(fields, stream.profile(), PREFIX + id, origin)) {
          standby.add(StreamKey.of(stream));
        }
      }
    });
    return new CameraList(out, standby);
  }

  private static boolean standby(Map<String, String> fields, StreamProfile profile, String camera, String origin) {
    String value = fields.get(profile.urlName() + ".standby");
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(origin + ": " + camera + "." + profile.urlName() + ".standby must be true or false, was "
        + value);
  }

  private static String fieldOf(String rest) {
    for (String f : List.of("main.url", "main.resolution", "main.standby", "sub.url", "sub.resolution",
        "sub.standby", "username", "password")) {
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
