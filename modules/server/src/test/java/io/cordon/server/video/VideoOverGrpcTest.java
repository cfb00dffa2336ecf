package io.cordon.server.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.rpc.BadRequest;
import io.cordon.api.v1.CameraVideoStreams;
import io.cordon.api.v1.ListStreamsRequest;
import io.cordon.api.v1.OpenStreamRequest;
import io.cordon.api.v1.StreamGrant;
import io.cordon.api.v1.VideoServiceGrpc;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamCredentials;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.testcamera.Eventually;
import io.cordon.media.testcamera.MediaTools;
import io.cordon.media.testcamera.RtspTestCamera;
import io.cordon.media.testcamera.TsViewerClient;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoOverGrpcTest {

  @TempDir
  static Path dataDir;

  TestServer server;
  String operator;

  @BeforeAll
  void start() {
    server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true).build());
    operator = server.login("operator");
    server.server().cameraStreams().replace(List.of(
        stream("CAM-001", StreamProfile.MAIN, "rtsp://10.0.3.11/ch1/main", 1920, 1080),
        stream("CAM-001", StreamProfile.SUB, "rtsp://10.0.3.11/ch1/sub", 640, 360)));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void everyCameraIsListedWithItsStreamsSmallestFirstAndNoAddressOrLogin() {
    List<CameraVideoStreams> cameras = video(operator).listStreams(ListStreamsRequest.getDefaultInstance())
        .getCamerasList();

    CameraVideoStreams first = cameras.stream().filter(c -> c.getCameraId().equals("CAM-001")).findFirst()
        .orElseThrow();
    assertThat(first.getStreamsList()).extracting(s -> s.getProfile() + " " + s.getWidth() + "x" + s.getHeight())
        .containsExactly("sub 640x360", "main 1920x1080");
    assertThat(cameras.toString()).doesNotContain("rtsp").doesNotContain("10.0.3.11").doesNotContain("s3cret");
    assertThat(cameras).hasSizeGreaterThan(1);
  }

  @Test
  void anUnknownCameraOrStreamIsNotFoundNamingTheField() {
    StatusRuntimeException camera = catchThrowableOfType(StatusRuntimeException.class, () -> video(operator)
        .openStream(OpenStreamRequest.newBuilder().setCameraId("CAM-999").setProfile("main").build()));
    StatusRuntimeException profile = catchThrowableOfType(StatusRuntimeException.class, () -> video(operator)
        .openStream(OpenStreamRequest.newBuilder().setCameraId("CAM-001").setProfile("third").build()));
    StatusRuntimeException unconfigured = catchThrowableOfType(StatusRuntimeException.class, () -> video(operator)
        .openStream(OpenStreamRequest.newBuilder().setCameraId("CAM-002").setProfile("main").build()));

    assertThat(camera.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(violatedField(camera)).isEqualTo("camera_id");
    assertThat(violatedField(profile)).isEqualTo("profile");
    assertThat(profile.getStatus().getDescription()).contains("it has: sub, main");
    assertThat(violatedField(unconfigured)).isEqualTo("profile");
  }

  @Test
  void aDeviceAccountMayNotOpenVideo() {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
        video(server.login("device")).openStream(
            OpenStreamRequest.newBuilder().setCameraId("CAM-001").setProfile("sub").build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aGrantedUrlPlaysTheCameraThroughTheRelay() throws Exception {
    assumeTrue(MediaTools.available(), MediaTools::missing);
    try (RtspTestCamera camera = RtspTestCamera.start("cam3", 640, 360)) {
      server.server().cameraStreams().replace(List.of(
          stream("CAM-001", StreamProfile.MAIN, "rtsp://10.0.3.11/ch1/main", 1920, 1080),
          stream("CAM-001", StreamProfile.SUB, "rtsp://10.0.3.11/ch1/sub", 640, 360),
          CameraStream.of("CAM-003", StreamProfile.SUB, camera.url()).withResolution(new Resolution(640, 360))));

      StreamGrant grant = video(operator).openStream(
          OpenStreamRequest.newBuilder().setCameraId("CAM-003").setProfile("sub").build());

      assertThat(grant.getUrl()).startsWith("http://127.0.0.1:" + server.server().mediaPort().getAsInt()
          + "/live/CAM-003/sub?ticket=");
      assertThat(grant.getStream().getWidth()).isEqualTo(640);
      try (TsViewerClient viewer = TsViewerClient.open(URI.create(grant.getUrl()))) {
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> viewer.bytes() > 100_000)).isTrue();
        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.misalignedPackets()).isZero();
      }
    }
  }

  @Test
  void aConfiguredPublicUrlIsWhatClientsGet(@TempDir Path otherDir) {
    try (TestServer behindNat = TestServer.with(ServerConfig.builder().dataDir(otherDir).demoUsers(true)
        .mediaPublicUrl(URI.create("http://relay.park.example:8081")).build())) {
      behindNat.server().cameraStreams().replace(List.of(
          stream("CAM-001", StreamProfile.SUB, "rtsp://10.0.3.11/ch1/sub", 640, 360)));

      StreamGrant grant = VideoServiceGrpc.newBlockingStub(behindNat.channel())
          .withCallCredentials(TestServer.bearer(behindNat.login("operator")))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .openStream(OpenStreamRequest.newBuilder().setCameraId("CAM-001").setProfile("sub").build());

      assertThat(grant.getUrl()).startsWith("http://relay.park.example:8081/live/CAM-001/sub?ticket=");
    }
  }

  private VideoServiceGrpc.VideoServiceBlockingStub video(String token) {
    return VideoServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(token))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static CameraStream stream(String camera, StreamProfile profile, String url, int width, int height) {
    return CameraStream.of(camera, profile, URI.create(url)).withResolution(new Resolution(width, height))
        .withCredentials(new StreamCredentials("viewer", "s3cret"));
  }

  private static String violatedField(StatusRuntimeException e) throws RuntimeException {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
