package io.cordon.client.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class SimpleCommandTest {
  @Test
  void executableFollowsItsBinding() {
    SimpleBooleanProperty allowed = new SimpleBooleanProperty(false);
    SimpleCommand command = SimpleCommand.of(() -> {}, allowed);
    assertThat(command.isExecutable()).isFalse();
    allowed.set(true);
    assertThat(command.isExecutable()).isTrue();
  }

  @Test
  void disabledCommandDoesNothing() {
    AtomicInteger runs = new AtomicInteger();
    SimpleCommand.of(runs::incrementAndGet, new SimpleBooleanProperty(false)).execute();
    assertThat(runs).hasValue(0);
  }
}
