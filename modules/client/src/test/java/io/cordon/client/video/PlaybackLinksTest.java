package io.cordon.client.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaybackLinksTest {
  private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void aLiveUrlBecomesThePlaybackUrlOfTheSameStreamWithItsTicket() {
    URI live = URI.create("http://127.0.0.1:8081/live/CAM%2F01/sub?ticket=abc.def");

    assertThat(PlaybackLinks.fromLive(live, AT)).hasToString(
        "http://127.0.0.1:8081/playback/CAM%2F01/sub?from=2026-11-26T08%3A00%3A00Z&ticket=abc.def");
  }

  @Test
  void aPlaybackUrlMovesToAnotherInstantKeepingItsTicket() {
    URI playback = URI.create("http://h:1/playback/C1/main?from=2026-11-26T07%3A59%3A00Z&ticket=t");

    assertThat(PlaybackLinks.withFrom(playback, AT))
        .hasToString("http://h:1/playback/C1/main?from=2026-11-26T08%3A00%3A00Z&ticket=t");
  }

  @Test
  void theProfileIsReadFromTheUrlPath() {
    assertThat(PlaybackLinks.profileOf(URI.create("http://h:1/playback/C1/sub?from=x"))).hasValue("sub");
  }

  @Test
  void somethingElseThanALiveUrlIsRefused() {
    assertThatThrownBy(() -> PlaybackLinks.fromLive(URI.create("http://h:1/exports/x.ts"), AT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
