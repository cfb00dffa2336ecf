package io.cordon.server.video.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.media.source.StreamProfile;
import io.cordon.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording.* keys of the server's configuration file and environment. */
class RecordingConfigTest {
  @TempDir
  Path dir;

  private ServerConfig load(String properties, Map<String, String> env) throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "data.dir=data\n" + properties);
    return ServerConfig.load(file, env);
  }

  @Test
  void nothingIsRecordedUnlessConfiguredAndRecordingsAreKeptNinetyDays() throws Exception {
    RecordingConfig config = load("", Map.of()).recording();

    assertThat(config.records()).isFalse();
    assertThat(config.retention().keep("CAM-001")).isEqualTo(Duration.ofDays(90));
    assertThat(config.segmentLength()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void camerasProfileSegmentAndGroupRetentionComeFromTheFile() throws Exception {
    RecordingConfig config = load("""
        recording.cameras=CAM-001, CAM-002
        recording.profile=sub
        recording.segment=PT30S
        recording.retention=P60D
        recording.group.gates=CAM-001
        recording.retention.gates=P180D
        recording.min-free-bytes=1000
        """, Map.of()).recording();

    assertThat(config.cameras()).containsExactlyInAnyOrder("CAM-001", "CAM-002");
    assertThat(config.profile()).isEqualTo(StreamProfile.SUB);
    assertThat(config.segmentLength()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.retention().keep("CAM-001")).isEqualTo(Duration.ofDays(180));
    assertThat(config.retention().keep("CAM-002")).isEqualTo(Duration.ofDays(60));
    assertThat(config.minFreeBytes()).isEqualTo(1000);
  }

  @Test
  void theEnvironmentOverridesTheFileAndAllMeansEveryParkCamera() throws Exception {
    RecordingConfig config = load("recording.cameras=CAM-001\n", Map.of("CORDON_RECORDING_CAMERAS", "all")).recording();

    assertThat(config.allCameras()).isTrue();
    assertThat(config.records()).isTrue();
  }

  @Test
  void aMalformedDurationNamesItsKey() {
    assertThatThrownBy(() -> load("recording.retention.gates=ninety days\n", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recording.retention.gates");
  }
}
