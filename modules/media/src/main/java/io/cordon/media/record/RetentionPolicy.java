package io.cordon.media.record;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long recordings are kept: per camera group, else {@code defaultKeep} (90 days by default, the proposal's
 * figure). Protected segments (alarm evidence) are kept regardless.
 *
 * @param groupKeep keep time per group name
 * @param cameraGroup the group of each camera (a camera in no group keeps {@code defaultKeep})
 */
public record RetentionPolicy(Duration defaultKeep, Map<String, Duration> groupKeep, Map<String, String> cameraGroup) {
  public static final Duration DEFAULT_KEEP = Duration.ofDays(90);

  public RetentionPolicy {
    Objects.requireNonNull(defaultKeep, "defaultKeep");
    groupKeep = Map.copyOf(groupKeep);
    cameraGroup = Map.copyOf(cameraGroup);
  }

  public static RetentionPolicy defaults() {
    return new RetentionPolicy(DEFAULT_KEEP, Map.of(), Map.of());
  }

  public Duration keep(String cameraId) {
    String group = cameraGroup.get(cameraId);
    return group == null ? defaultKeep : groupKeep.getOrDefault(group, defaultKeep);
  }
}
