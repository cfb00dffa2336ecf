package io.cordon.app.video;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.layout.WindowBounds;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A wall of its own in a window, for a monitor of the video wall: it names the screen it is on,
 * moves to another one from the bar, and goes full screen there (F11 or the button; Esc leaves).
 */
final class WallWindow {
  private final Stage stage = new Stage();
  private final VideoWallPanel panel;
  private final I18n i18n;
  private final ComboBox<Integer> screenChoice = new ComboBox<>();
  private boolean fullScreen;

  WallWindow(int number, VideoWallPanel panel, I18n i18n, Window owner) {
    this.panel = panel;
    this.i18n = i18n;
    stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> i18n.format("video.wall.title", number), i18n.localeProperty()));
    if (owner != null) {
      stage.getIcons().setAll(owner instanceof Stage main ? main.getIcons() : List.of());
    }
    Label screenLabel = new Label();
    screenLabel.textProperty().bind(i18n.text("video.screen"));
    screenLabel.setMinWidth(Region.USE_PREF_SIZE);
    screenChoice.setId("video-screen");
    screenChoice.setMinWidth(Region.USE_PREF_SIZE);
    screenChoice.setOnShowing(e -> listScreens());
    screenChoice.setOnAction(e -> {
      Integer chosen = screenChoice.getValue();
      if (chosen != null && chosen != currentScreen()) {
        showOn(chosen, true);
      }
    });
    Button fullScreenButton = new Button();
    fullScreenButton.setId("video-fullscreen");
    fullScreenButton.textProperty().bind(i18n.text("video.fullscreen"));
    fullScreenButton.setMinWidth(Region.USE_PREF_SIZE);
    fullScreenButton.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
    panel.addBarItem(screenLabel);
    panel.addBarItem(screenChoice);
    panel.addBarItem(fullScreenButton);
    stage.fullScreenProperty().addListener((o, was, now) -> {
      if (stage.isShowing()) {
        fullScreen = now;
      }
    });
    stage.setFullScreenExitHint(i18n.get("video.fullscreen.hint"));
    Scene scene = new Scene((javafx.scene.Parent) panel.root(), 1280, 720);
    Styles.apply(scene);
    stage.setScene(scene);
  }

  Stage stage() {
    return stage;
  }

  VideoWallPanel panel() {
    return panel;
  }

  /** Opens the window on screen {@code index} (of {@link #screens()}), full screen or not. */
  void showOn(int index, boolean fullScreen) {
    List<Screen> screens = screens();
    Rectangle2D area = screens.get(Math.max(0, Math.min(index, screens.size() - 1))).getVisualBounds();
    stage.setFullScreen(false);
    place(new WindowBounds(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight()));
    show();
    stage.setFullScreen(fullScreen);
    listScreens();
  }

  /** Opens the window where it was saved. */
  void showAt(WindowBounds bounds, boolean fullScreen) {
    place(bounds);
    show();
    stage.setFullScreen(fullScreen);
    listScreens();
  }

  private void place(WindowBounds bounds) {
    stage.setX(bounds.x());
    stage.setY(bounds.y());
    stage.setWidth(bounds.width());
    stage.setHeight(bounds.height());
  }

  private void show() {
    if (!stage.isShowing()) {
      stage.show();
    }
  }

  WindowBounds bounds() {
    return new WindowBounds(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()));
  }

  /** Full screen as the operator left it (hiding a window at exit leaves full screen first). */
  boolean isFullScreen() {
    return fullScreen;
  }

  private int currentScreen() {
    return Math.max(0, ScreenChoice.screenOf(screenBounds(), bounds()));
  }

  private void listScreens() {
    int count = screens().size();
    screenChoice.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.range(0, count).boxed().toList()));
    screenChoice.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(Integer index) {
        return index == null ? "" : i18n.format("video.screen.item", index + 1);
      }

      @Override
      public Integer fromString(String text) {
        return null;
      }
    });
    screenChoice.setValue(currentScreen());
  }

  /** The screens, primary first (the order the screen choice numbers them). */
  static List<Screen> screens() {
    List<Screen> screens = new java.util.ArrayList<>();
    screens.add(Screen.getPrimary());
    Screen.getScreens().stream().filter(s -> !s.equals(Screen.getPrimary())).forEach(screens::add);
    return screens;
  }

  static List<WindowBounds> screenBounds() {
    return screens().stream().map(Screen::getVisualBounds)
        .map(r -> new WindowBounds(r.getMinX(), r.getMinY(), Math.max(1, r.getWidth()), Math.max(1, r.getHeight())))
        .toList();
  }

  void close() {
    stage.close();
    panel.close();
  }
}
