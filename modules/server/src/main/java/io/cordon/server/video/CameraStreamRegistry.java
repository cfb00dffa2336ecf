package io.cordon.server.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamCredentials;
import io.cordon.media.source.StreamProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each camera's streams come from: deployment configuration, kept apart from the park plan
 * because it holds addresses and credentials (issue 5 point 1). Read from a JSON file:
 *
 * <pre>{@code
 * {"cameras": {"CAM-001": {"username": "viewer", "password": "…",
 *     "streams": [{"profile": "main", "url": "rtsp://10.0.3.11:554/ch1/main", "width": 1920, "height": 1080},
 *                 {"profile": "sub",  "url": "rtsp://10.0.3.11:554/ch1/sub",  "width": 640,  "height": 360}]}}}
 * }</pre>
 *
 * Profiles are {@code main} and {@code sub}. Every problem is reported with its path ({@code
 * cameras.CAM-001.streams[1].url}), all at once, and none of them quotes a credential. The media
 * relay looks streams up here ({@link CameraStreamSource}).
 */
public final class CameraStreamRegistry implements CameraStreamSource {

  private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https");
  private static final int MAX_STREAMS = StreamProfile.values().length;

  private final Map<String, List<CameraStream>> byCamera;

  private CameraStreamRegistry(Map<String, List<CameraStream>> byCamera) {
    this.byCamera = byCamera;
  }

  public static CameraStreamRegistry empty() {
    return new CameraStreamRegistry(Map.of());
  }

  /** A registry from sources already checked (the simulator's test cameras in the embedded demo). */
  public static CameraStreamRegistry of(Park park, List<CameraStream> sources) {
    List<String> problems = new ArrayList<>();
    Map<String, List<CameraStream>> byCamera = new LinkedHashMap<>();
    for (CameraStream source : sources) {
      if (source.resolution().isEmpty()) {
        problems.add("cameras." + source.cameraId() + "." + source.profile().urlName() + ": resolution missing");
        continue;
      }
      if (park.camera(new CameraId(source.cameraId())).isEmpty()) {
        problems.add("cameras." + source.cameraId() + ": not a camera of the park");
        continue;
      }
      byCamera.computeIfAbsent(source.cameraId(), k -> new ArrayList<>()).add(source);
    }
    return checked(byCamera, problems);
  }

  /** Reads and checks a registry file against the park. */
  public static CameraStreamRegistry read(Path file, Park park) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidCameraRegistryException(file + ": not JSON (line " + e.getLocation().getLineNr() + ")");
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<CameraStream>> byCamera = new LinkedHashMap<>();
    JsonNode cameras = root == null ? null : root.get("cameras");
    if (cameras == null || !cameras.isObject()) {
      throw new InvalidCameraRegistryException(file + ": cameras: must be an object of camera id → streams");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = cameras.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String cameraId = entry.getKey();
      String path = "cameras." + cameraId;
      if (park.camera(new CameraId(cameraId)).isEmpty()) {
        problems.add(path + ": not a camera of the park");
        continue;
      }
      JsonNode camera = entry.getValue();
      Optional<String> username = text(camera, "username");
      Optional<StreamCredentials> login = username.map(u -> new StreamCredentials(u, text(camera, "password").orElse("")));
      JsonNode streams = camera.get("streams");
      if (streams == null || !streams.isArray() || streams.isEmpty() || streams.size() > MAX_STREAMS) {
        problems.add(path + ".streams: must list 1 to " + MAX_STREAMS + " streams (main, sub)");
        continue;
      }
      for (int i = 0; i < streams.size(); i++) {
        stream(cameraId, path + ".streams[" + i + "]", streams.get(i), login, problems)
            .ifPresent(s -> byCamera.computeIfAbsent(cameraId, k -> new ArrayList<>()).add(s));
      }
    }
    return checked(byCamera, problems.isEmpty() ? problems : prefixed(file, problems));
  }

  private static List<String> prefixed(Path file, List<String> problems) {
    return problems.stream().map(p -> file.getFileName() + ": " + p).toList();
  }

  private static CameraStreamRegistry checked(Map<String, List<CameraStream>> byCamera, List<String> problems) {
    byCamera.forEach((camera, streams) -> {
      Set<StreamProfile> seen = java.util.EnumSet.noneOf(StreamProfile.class);
      for (CameraStream s : streams) {
        if (!seen.add(s.profile())) {
          problems.add("cameras." + camera + ": profile \"" + s.profile().urlName() + "\" given twice");
        }
      }
      streams.sort(Comparator.comparingLong(CameraStreamRegistry::pixels));
    });
    if (!problems.isEmpty()) {
      throw new InvalidCameraRegistryException(String.join("; ", problems));
    }
    Map<String, List<CameraStream>> frozen = new LinkedHashMap<>();
    byCamera.forEach((camera, streams) -> frozen.put(camera, List.copyOf(streams)));
    return new CameraStreamRegistry(java.util.Collections.unmodifiableMap(frozen));
  }

  private static Optional<CameraStream> stream(String cameraId, String path, JsonNode node,
      Optional<StreamCredentials> login, List<String> problems) {
    int before = problems.size();
    Optional<StreamProfile> profile = text(node, "profile").flatMap(StreamProfile::fromUrlName);
    if (profile.isEmpty()) {
      problems.add(path + ".profile: main or sub");
    }
    int width = node.path("width").asInt(0);
    int height = node.path("height").asInt(0);
    if (width < 16 || width > 8192) {
      problems.add(path + ".width: pixels between 16 and 8192");
    }
    if (height < 16 || height > 8192) {
      problems.add(path + ".height: pixels between 16 and 8192");
    }
    URI url = null;
    Optional<String> text = text(node, "url");
    if (text.isEmpty()) {
      problems.add(path + ".url: missing");
    } else {
      try {
        url = new URI(text.get());
        if (url.getScheme() == null || !SCHEMES.contains(url.getScheme().toLowerCase()) || url.getHost() == null) {
          problems.add(path + ".url: must be rtsp://, rtsps://, http:// or https:// with a host");
        } else if (url.getRawUserInfo() != null) {
          problems.add(path + ".url: put credentials in username/password, not in the URL");
        }
      } catch (URISyntaxException e) {
        problems.add(path + ".url: not a URL (at index " + e.getIndex() + ")");
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new CameraStream(cameraId, profile.get(), url, login,
        Optional.of(new Resolution(width, height))));
  }

  /** Pixels of a stream, to order a camera's streams smallest first. */
  public static long pixels(CameraStream stream) {
    return stream.resolution().map(r -> (long) r.width() * r.height()).orElse(Long.MAX_VALUE);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** A camera's streams, smallest first; empty when the camera has none configured. */
  public List<CameraStream> streams(String cameraId) {
    return byCamera.getOrDefault(cameraId, List.of());
  }

  @Override
  public Optional<CameraStream> find(String cameraId, StreamProfile profile) {
    return streams(cameraId).stream().filter(s -> s.profile() == profile).findFirst();
  }

  /** Cameras with streams, in registry order. */
  public Set<String> cameraIds() {
    return byCamera.keySet();
  }

  /** A registry file that cannot be used; the message lists every problem with its path. */
  public static final class InvalidCameraRegistryException extends IllegalArgumentException {
    public InvalidCameraRegistryException(String message) {
      super(message);
    }
  }
}
