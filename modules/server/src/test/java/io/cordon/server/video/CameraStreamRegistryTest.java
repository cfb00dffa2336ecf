package io.cordon.server.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.park.ParkFileLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraStreamRegistryTest {

  private static final Park PARK = ParkFileLoader.loadSample();

  @TempDir
  Path dir;

  @Test
  void aRegistryFileGivesEachCameraItsStreamsSmallestFirst() throws IOException {
    CameraStreamRegistry registry = CameraStreamRegistry.read(file("""
        {"cameras": {"CAM-001": {"username": "viewer", "password": "s3cret",
          "streams": [{"profile": "main", "url": "rtsp://10.0.3.11:554/ch1/main", "width": 1920, "height": 1080},
                      {"profile": "sub", "url": "rtsp://10.0.3.11:554/ch1/sub", "width": 640, "height": 360}]}}}
        """), PARK);

    assertThat(registry.streams("CAM-001")).extracting(CameraStream::profile)
        .containsExactly(StreamProfile.SUB, StreamProfile.MAIN);
    assertThat(registry.find("CAM-001", StreamProfile.MAIN).orElseThrow().credentials())
        .hasValueSatisfying(login -> assertThat(login.username()).isEqualTo("viewer"));
    assertThat(registry.streams("CAM-002")).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsPathAtOnce() throws IOException {
    Path file = file("""
        {"cameras": {
          "CAM-999": {"streams": [{"profile": "main", "url": "rtsp://h/x", "width": 1280, "height": 720}]},
          "CAM-001": {"streams": [{"profile": "Main Stream", "url": "ftp://h/x", "width": 0, "height": 720},
                                  {"profile": "sub", "url": "rtsp://h/y", "width": 640, "height": 360}]}}}
        """);

    assertThatThrownBy(() -> CameraStreamRegistry.read(file, PARK))
        .isInstanceOf(CameraStreamRegistry.InvalidCameraRegistryException.class)
        .hasMessageContaining("cameras.CAM-999: not a camera of the park")
        .hasMessageContaining("cameras.CAM-001.streams[0].profile")
        .hasMessageContaining("cameras.CAM-001.streams[0].url")
        .hasMessageContaining("cameras.CAM-001.streams[0].width");
  }

  @Test
  void credentialsInsideAUrlAreRefusedWithoutQuotingThem() throws IOException {
    Path file = file("""
        {"cameras": {"CAM-001": {"streams": [
          {"profile": "main", "url": "rtsp://admin:hunter2@10.0.3.11/ch1", "width": 1280, "height": 720}]}}}
        """);

    assertThatThrownBy(() -> CameraStreamRegistry.read(file, PARK))
        .hasMessageContaining("cameras.CAM-001.streams[0].url: put credentials in username/password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aFileThatIsNotJsonSaysWhere() throws IOException {
    Path file = file("{\"cameras\": {\n\"CAM-001\": [}");

    assertThatThrownBy(() -> CameraStreamRegistry.read(file, PARK)).hasMessageContaining("not JSON (line 2)");
  }

  @Test
  void aRegistryStreamPrintsNoCredentials() throws IOException {
    CameraStreamRegistry registry = CameraStreamRegistry.read(file("""
        {"cameras": {"CAM-001": {"username": "viewer", "password": "s3cret",
          "streams": [{"profile": "main", "url": "rtsp://10.0.3.11:554/ch1/main", "width": 1920, "height": 1080}]}}}
        """), PARK);

    assertThat(registry.streams("CAM-001").get(0).toString()).doesNotContain("s3cret").doesNotContain("viewer");
  }

  @Test
  void sourcesGivenInCodeAreCheckedAgainstThePark() {
    CameraStream unknown = CameraStream.of("CAM-999", StreamProfile.MAIN, URI.create("rtsp://h/x"))
        .withResolution(new Resolution(1280, 720));

    assertThatThrownBy(() -> CameraStreamRegistry.of(PARK, List.of(unknown)))
        .hasMessageContaining("cameras.CAM-999: not a camera of the park");
  }

  private Path file(String json) throws IOException {
    Path file = dir.resolve("camera-streams.json");
    Files.writeString(file, json);
    return file;
  }
}
