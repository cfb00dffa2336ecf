package io.cordon.map;

import java.util.Objects;

/**
 * One entry of a feature's context menu, supplied by the application (the map knows no servers
 * or roles). A disabled action is shown greyed out with its reason, so operators see why.
 *
 * @param text the menu text, already localised
 * @param enabled whether it can run now
 * @param disabledReason why not, shown as the tooltip; empty when enabled
 * @param run what it does; runs on the FX thread and must not block it
 */
public record MapAction(String text, boolean enabled, String disabledReason, Runnable run) {
  public MapAction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(disabledReason, "disabledReason");
    Objects.requireNonNull(run, "run");
  }

  public static MapAction of(String text, Runnable run) {
    return new MapAction(text, true, "", run);
  }

  public static MapAction disabled(String text, String reason) {
    return new MapAction(text, false, reason, () -> {});
  }
}
