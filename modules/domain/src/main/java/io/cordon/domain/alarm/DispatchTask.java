package io.cordon.domain.alarm;

import java.util.Objects;

/** A task sent to a patrol or team (派警): who, what to do, and what to say over the radio. */
public record DispatchTask(String team, String text, String voiceMessage) {

  public DispatchTask {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(voiceMessage, "voiceMessage");
  }
}
