package io.cordon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PasswordCheckLimiterTest {

  @Test
  void runsTheCheckAndReturnsItsResultWhenAPermitIsFree() {
    PasswordCheckLimiter limiter = new PasswordCheckLimiter(1, Duration.ZERO);

    assertThat(limiter.tryRun(() -> "checked")).contains("checked");
  }

  @Test
  void turnsACallerAwayWithoutRunningItsCheckWhileEveryPermitIsTaken() throws Exception {
    PasswordCheckLimiter limiter = new PasswordCheckLimiter(1, Duration.ZERO);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> limiter.tryRun(() -> {
      holding.countDown();
      await(release);
      return "first";
    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean secondRan = new AtomicBoolean();

    Optional<String> second = limiter.tryRun(() -> {
      secondRan.set(true);
      return "second";
    });

    assertThat(second).isEmpty();
    assertThat(secondRan).isFalse();
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).contains("first");
  }

  @Test
  void aPermitIsReturnedEvenWhenTheCheckFails() {
    PasswordCheckLimiter limiter = new PasswordCheckLimiter(1, Duration.ZERO);

    assertThatThrownBy(() -> limiter.tryRun(() -> {
      throw new IllegalStateException("database down");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(limiter.tryRun(() -> "again")).contains("again");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
