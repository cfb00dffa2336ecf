package io.cordon.video.tour;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text form of camera groups for the workstation's settings, one line (a properties value):
 * {@code name=CAM-001,CAM-002;other=CAM-009}. Names are URL-encoded so any Chinese name or
 * punctuation survives; a malformed group is rejected with the reason.
 */
public final class CameraGroupsCodec {
  private CameraGroupsCodec() {
  }

  public static String encode(List<CameraGroup> groups) {
    List<String> parts = new ArrayList<>();
    for (CameraGroup group : groups) {
      parts.add(URLEncoder.encode(group.name(), StandardCharsets.UTF_8) + "=" + String.join(",", group.cameraIds()));
    }
    return String.join(";", parts);
  }

  public static List<CameraGroup> decode(String text) {
    List<CameraGroup> groups = new ArrayList<>();
    for (String part : text.strip().split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("a camera group must be name=id,id…: " + part);
      }
      String name = URLDecoder.decode(part.substring(0, equals), StandardCharsets.UTF_8);
      groups.add(new CameraGroup(name, Arrays.asList(part.substring(equals + 1).split(","))));
    }
    return groups;
  }
}
