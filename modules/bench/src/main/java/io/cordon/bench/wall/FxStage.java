package io.cordon.bench.wall;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/** One JavaFX window of the wall's size on the X display; everything on it runs through {@link #onFx}. */
final class FxStage implements AutoCloseable {
  private final Stage stage;

  private FxStage(Stage stage) {
    this.stage = stage;
  }

  /** Starts the toolkit (software rendering unless -Dprism.order says otherwise) and shows an empty window. */
  static FxStage open(int width, int height, String title) throws Exception {
    System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
    CompletableFuture<Stage> shown = new CompletableFuture<>();
    Platform.setImplicitExit(false);
    Platform.startup(() -> {
      try {
        Stage s = new Stage();
        s.setTitle(title);
        s.setScene(new Scene(new Pane(), width, height));
        s.setX(0);
        s.setY(0);
        s.show();
        shown.complete(s);
      } catch (RuntimeException e) {
        shown.completeExceptionally(e);
      }
    });
    return new FxStage(shown.get(30, TimeUnit.SECONDS));
  }

  /** Runs {@code call} on the FX thread and waits for it. */
  static <T> T onFx(Callable<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(call.call());
      } catch (Exception | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(20, TimeUnit.SECONDS);
  }

  /** Makes {@code root} the window's content; FX thread only. */
  void show(Parent root) {
    stage.getScene().setRoot(root);
  }

  /** Empties the window; FX thread only. */
  void clear() {
    stage.getScene().setRoot(new Pane());
  }

  @Override
  public void close() {
    Platform.runLater(stage::close);
    Platform.exit();
  }
}
