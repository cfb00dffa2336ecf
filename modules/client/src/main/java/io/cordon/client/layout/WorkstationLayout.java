package io.cordon.client.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one workstation arranges Cordon: the main window, each view docked or detached (with its
 * window), and the language. Immutable; the {@code with…} methods return changed copies.
 */
public record WorkstationLayout(
    Optional<WindowBounds> mainWindow, boolean mainMaximized, String languageTag, Map<String, ViewPlacement> views) {

  public static final String DEFAULT_LANGUAGE = "zh-CN";

  public WorkstationLayout {
    Objects.requireNonNull(mainWindow, "mainWindow");
    Objects.requireNonNull(languageTag, "languageTag");
    views = Map.copyOf(views);
  }

  public static WorkstationLayout defaults() {
    return new WorkstationLayout(Optional.empty(), false, DEFAULT_LANGUAGE, Map.of());
  }

  /** The placement of {@code viewId}; docked when nothing was saved for it. */
  public ViewPlacement view(String viewId) {
    return views.getOrDefault(viewId, ViewPlacement.docked(viewId));
  }

  public WorkstationLayout withView(ViewPlacement placement) {
    Map<String, ViewPlacement> copy = new LinkedHashMap<>(views);
    copy.put(placement.viewId(), placement);
    return new WorkstationLayout(mainWindow, mainMaximized, languageTag, copy);
  }

  public WorkstationLayout withMainWindow(WindowBounds bounds, boolean maximized) {
    return new WorkstationLayout(Optional.of(bounds), maximized, languageTag, views);
  }

  public WorkstationLayout withLanguage(String tag) {
    return new WorkstationLayout(mainWindow, mainMaximized, tag, views);
  }

  /** Every window moved onto the given screens, so nothing opens where no monitor is. */
  public WorkstationLayout clampedTo(List<WindowBounds> screens) {
    Map<String, ViewPlacement> clamped = new LinkedHashMap<>();
    views.forEach(
        (id, p) -> clamped.put(id, new ViewPlacement(id, p.detached(), p.window().map(w -> w.clampedTo(screens)))));
    return new WorkstationLayout(mainWindow.map(w -> w.clampedTo(screens)), mainMaximized, languageTag, clamped);
  }
}
