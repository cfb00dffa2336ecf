package io.cordon.video.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  @Test
  void startsAtHalfASecondDoublesAndStaysAtTenSeconds() {
    assertThat(ReconnectBackoff.delayBefore(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(ReconnectBackoff.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ReconnectBackoff.delayBefore(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(ReconnectBackoff.delayBefore(6)).isEqualTo(Duration.ofSeconds(10));
    assertThat(ReconnectBackoff.delayBefore(1000)).isEqualTo(Duration.ofSeconds(10));
  }
}
