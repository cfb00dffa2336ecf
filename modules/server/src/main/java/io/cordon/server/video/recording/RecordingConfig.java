package io.cordon.server.video.recording;

import io.cordon.media.record.RetentionPolicy;
import io.cordon.media.source.StreamProfile;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.Optional;

/**
 * What the server records and keeps. Keys (environment variables override the simple ones):
 * <pre>
 * recording.cameras        CORDON_RECORDING_CAMERAS   none (default), all (every park camera), or camera ids a,b,c
 * recording.profile        CORDON_RECORDING_PROFILE   main (default) or sub
 * recording.segment        CORDON_RECORDING_SEGMENT   segment length, ISO-8601, default PT1M
 * recording.retention      CORDON_RECORDING_RETENTION default keep time, ISO-8601, default P90D
 * recording.min-free-bytes CORDON_RECORDING_MIN_FREE_BYTES disk guard floor under data.dir/recordings, default 5 GiB
 * recording.group.NAME     cameras of group NAME, e.g. recording.group.gates=CAM-001,CAM-002
 * recording.retention.NAME keep time of group NAME, e.g. recording.retention.gates=P30D
 * </pre>
 *
 * @param cameras empty with {@code allCameras} false: no recording
 * @param sweepPeriod how often retention and the disk guard run
 * @param evidencePeriod how often new and closed alarms are taken into the evidence table
 */
public record RecordingConfig(boolean allCameras, Set<String> cameras, StreamProfile profile, Duration segmentLength,
    RetentionPolicy retention, long minFreeBytes, Duration sweepPeriod, Duration evidencePeriod) {
  public static final long DEFAULT_MIN_FREE_BYTES = 5L << 30;

  public RecordingConfig {
    cameras = Set.copyOf(cameras);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(retention, "retention");
    if (segmentLength.isNegative() || segmentLength.isZero()) {
      throw new IllegalArgumentException("recording.segment must be positive");
    }
  }

  /** Records nothing; 90 days, 5 GiB floor. */
  public static RecordingConfig defaults() {
    return new RecordingConfig(false, Set.of(), StreamProfile.MAIN, Duration.ofMinutes(1), RetentionPolicy.defaults(),
        DEFAULT_MIN_FREE_BYTES, Duration.ofMinutes(10), Duration.ofSeconds(2));
  }

  public boolean records() {
    return allCameras || !cameras.isEmpty();
  }

  public RecordingConfig recording(Set<String> cameraIds) {
    return new RecordingConfig(false, cameraIds, profile, segmentLength, retention, minFreeBytes, sweepPeriod,
        evidencePeriod);
  }

  public RecordingConfig withSegmentLength(Duration length) {
    return new RecordingConfig(allCameras, cameras, profile, length, retention, minFreeBytes, sweepPeriod,
        evidencePeriod);
  }

  public RecordingConfig withProfile(StreamProfile p) {
    return new RecordingConfig(allCameras, cameras, p, segmentLength, retention, minFreeBytes, sweepPeriod,
        evidencePeriod);
  }

  /**
   * Reads the keys above.
   *
   * @param setting a key and its environment variable's name to the value (blank = absent)
   * @param file the properties file, for the per-group keys
   * @throws IllegalArgumentException naming the key of a malformed setting
   */
  public static RecordingConfig read(BiFunction<String, String, Optional<String>> setting, Properties file) {
    RecordingConfig d = defaults();
    String cameraList = setting.apply("recording.cameras", "CORDON_RECORDING_CAMERAS").orElse("none").trim();
    boolean all = cameraList.equals("all");
    Set<String> cameras = all || cameraList.equals("none") ? Set.of() : ids(cameraList);
    StreamProfile profile = setting.apply("recording.profile", "CORDON_RECORDING_PROFILE")
        .map(v -> StreamProfile.fromUrlName(v.trim()).orElseThrow(
            () -> new IllegalArgumentException("recording.profile must be main or sub, was " + v)))
        .orElse(d.profile);
    Duration segment = setting.apply("recording.segment", "CORDON_RECORDING_SEGMENT")
        .map(v -> duration("recording.segment", v)).orElse(d.segmentLength);
    Duration keep = setting.apply("recording.retention", "CORDON_RECORDING_RETENTION")
        .map(v -> duration("recording.retention", v)).orElse(RetentionPolicy.DEFAULT_KEEP);
    long floor = setting.apply("recording.min-free-bytes", "CORDON_RECORDING_MIN_FREE_BYTES").map(v -> {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("recording.min-free-bytes must be a number of bytes, was " + v);
      }
    }).orElse(d.minFreeBytes);
    Map<String, Duration> groupKeep = new HashMap<>();
    Map<String, String> cameraGroup = new HashMap<>();
    for (String key : file.stringPropertyNames()) {
      if (key.startsWith("recording.group.")) {
        String group = key.substring("recording.group.".length());
        ids(file.getProperty(key)).forEach(c -> cameraGroup.put(c, group));
      } else if (key.startsWith("recording.retention.")) {
        groupKeep.put(key.substring("recording.retention.".length()), duration(key, file.getProperty(key)));
      }
    }
    return new RecordingConfig(all, cameras, profile, segment, new RetentionPolicy(keep, groupKeep, cameraGroup),
        floor, d.sweepPeriod, d.evidencePeriod);
  }

  private static Set<String> ids(String list) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }

  private static Duration duration(String key, String value) {
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration (e.g. P90D, PT1M), was " + value);
    }
  }
}
