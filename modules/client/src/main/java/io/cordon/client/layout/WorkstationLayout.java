package io.cordon.client.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one workstation arranges Cordon: the main window, each view docked or detached (with its
 * window), the language, and views' own settings (the video wall's layout and cameras). Immutable;
 * the {@code with…} methods return changed copies.
 */
public record WorkstationLayout(
    Optional<WindowBounds> mainWindow, boolean mainMaximized, String languageTag, Map<String, ViewPlacement> views,
    Map<String, String> settings) {

  public static final String DEFAULT_LANGUAGE = "zh-CN";

  public WorkstationLayout {
    Objects.requireNonNull(mainWindow, "mainWindow");
    Objects.requireNonNull(languageTag, "languageTag");
    views = Map.copyOf(views);
    settings = Map.copyOf(settings);
  }

  public WorkstationLayout(
      Optional<WindowBounds> mainWindow, boolean mainMaximized, String languageTag, Map<String, ViewPlacement> views) {
    this(mainWindow, mainMaximized, languageTag, views, Map.of());
  }

  /** A view's own setting saved on this workstation. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  public WorkstationLayout withSetting(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(key, value);
    return new WorkstationLayout(mainWindow, mainMaximized, languageTag, views, copy);
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
    return new WorkstationLayout(mainWindow, mainMaximized, languageTag, copy, settings);
  }

  public WorkstationLayout withMainWindow(WindowBounds bounds, boolean maximized) {
    return new WorkstationLayout(Optional.of(bounds), maximized, languageTag, views, settings);
  }

  public WorkstationLayout withLanguage(String tag) {
    return new WorkstationLayout(mainWindow, mainMaximized, tag, views, settings);
  }

  /** Every window moved onto the given screens, so nothing opens where no monitor is. */
  public WorkstationLayout clampedTo(List<WindowBounds> screens) {
    Map<String, ViewPlacement> clamped = new LinkedHashMap<>();
    views.forEach(
        (id, p) -> clamped.put(id, new ViewPlacement(id, p.detached(), p.window().map(w -> w.clampedTo(screens)))));
    return new WorkstationLayout(mainWindow.map(w -> w.clampedTo(screens)), mainMaximized, languageTag, clamped,
        settings);
  }
}
