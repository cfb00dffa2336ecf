package io.cordon.server.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamKey;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.park.ParkFileLoader;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sample-park cameras: CAM-001 films the south gate's entry lane, CAM-019 the perimeter fence with its
 * sensors (SEG-01), CAM-002 looks from the south gate into the park (away from the gate), CAM-043 is a
 * high-point camera over the core zone with no sensor or gate in range.
 */
class StandbyStreamsTest {
  private static final Park PARK = ParkFileLoader.loadSample();

  private static CameraStreams streams(String... cameraIds) {
    CameraStreams streams = new CameraStreams(PARK, CameraStreamRegistry.empty());
    List<CameraStream> list = new java.util.ArrayList<>();
    for (String id : cameraIds) {
      list.add(stream(id, StreamProfile.MAIN, 1920, 1080));
      list.add(stream(id, StreamProfile.SUB, 640, 360));
    }
    streams.replace(list);
    return streams;
  }

  private static CameraStream stream(String cameraId, StreamProfile profile, int width, int height) {
    return CameraStream.of(cameraId, profile, URI.create("rtsp://10.0.3.1/" + cameraId + "/" + profile.urlName()))
        .withResolution(new Resolution(width, height));
  }

  private static StreamKey sub(String cameraId) {
    return new StreamKey(cameraId, StreamProfile.SUB);
  }

  @Test
  void linkedKeepsTheSubStreamOfCamerasCoveringASensorOrAGateOnly() {
    StandbyStreams linked = new StandbyStreams(PARK, StandbyPolicy.LINKED);

    assertThat(linked.choose(streams("CAM-001", "CAM-002", "CAM-019", "CAM-043")))
        .containsExactlyInAnyOrder(sub("CAM-001"), sub("CAM-019"));
  }

  @Test
  void allKeepsTheSmallestStreamOfEveryCameraWithStreams() {
    CameraStreams streams = new CameraStreams(PARK, CameraStreamRegistry.empty());
    streams.replace(List.of(stream("CAM-001", StreamProfile.MAIN, 1920, 1080), stream("CAM-001", StreamProfile.SUB,
        640, 360), stream("CAM-043", StreamProfile.MAIN, 1280, 720)));

    assertThat(new StandbyStreams(PARK, StandbyPolicy.ALL).choose(streams))
        .containsExactlyInAnyOrder(sub("CAM-001"), new StreamKey("CAM-043", StreamProfile.MAIN));
  }

  @Test
  void noneKeepsNothing() {
    assertThat(new StandbyStreams(PARK, StandbyPolicy.NONE).choose(streams("CAM-001", "CAM-019"))).isEmpty();
  }

  @Test
  void aLinkedCameraWithoutStreamsIsNotChosen() {
    assertThat(new StandbyStreams(PARK, StandbyPolicy.LINKED).choose(streams("CAM-043"))).isEmpty();
  }
}
