package io.cordon.video.vlc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameSurfaceTest {
  @Test
  void vlcScalesDownToTheTileKeepingTheAspect() {
    assertThat(FrameSurface.fit(640, 360, 400, 300)).isEqualTo(new FrameSurface.Size(400, 225));
  }

  @Test
  void vlcNeverEnlargesBeyondTheSource() {
    assertThat(FrameSurface.fit(640, 360, 1920, 1080)).isEqualTo(new FrameSurface.Size(640, 360));
  }
}
