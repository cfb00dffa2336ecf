package io.cordon.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CameraStreamTest {
  private final CameraStream stream = CameraStream.of("cam-1", StreamProfile.MAIN, URI.create("rtsp://10.0.0.5:554/ch1"))
      .withCredentials(new StreamCredentials("admin", "p@ss:w0rd"));

  @Test
  void theFfmpegUrlCarriesThePercentEncodedLogin() {
    assertThat(stream.urlWithCredentials()).isEqualTo("rtsp://admin:p%40ss%3Aw0rd@10.0.0.5:554/ch1");
  }

  @Test
  void toStringShowsNoLogin() {
    assertThat(stream.toString()).doesNotContain("admin").doesNotContain("p@ss").contains("10.0.0.5");
    assertThat(stream.credentials().orElseThrow().toString()).doesNotContain("admin").doesNotContain("p@ss");
  }

  @Test
  void maskingHidesUserInfoAndThePasswordAnywhereInAMessage() {
    String ffmpegLine = "[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized rtsp://admin:p%40ss%3Aw0rd@10.0.0.5:554/ch1"
        + " (tried p@ss:w0rd)";

    assertThat(stream.mask(ffmpegLine)).doesNotContain("p@ss:w0rd").doesNotContain("p%40ss%3Aw0rd")
        .contains("rtsp://***@10.0.0.5:554/ch1");
  }

  @Test
  void aLoginInsideTheUrlIsRefused() {
    assertThatThrownBy(() -> CameraStream.of("cam-1", StreamProfile.MAIN, URI.create("rtsp://admin:secret@10.0.0.5/ch1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }
}
