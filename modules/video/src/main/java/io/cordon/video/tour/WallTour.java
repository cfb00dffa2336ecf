package io.cordon.video.tour;

import io.cordon.video.camera.WallCamera;
import io.cordon.video.wall.VideoWall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Tours a camera group over a wall: page after page of the group every interval, round and round,
 * until stopped. Pages are cut again at every step from the wall's layout of the moment and the
 * cameras that can play then, so a layout change or a camera coming online is picked up. While an
 * alarm holds the wall the tour waits; the wall's own alarm restore brings back the tour's page.
 * FX thread only.
 */
public final class WallTour implements AutoCloseable {
  private final VideoWall wall;
  private final Function<String, Optional<WallCamera>> cameras;
  private final ReadOnlyObjectWrapper<CameraGroup> group = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper();
  private Timeline timer;

  /** {@code cameras} resolves an id to a camera that can play now (empty: skipped). */
  public WallTour(VideoWall wall, Function<String, Optional<WallCamera>> cameras) {
    this.wall = Objects.requireNonNull(wall, "wall");
    this.cameras = Objects.requireNonNull(cameras, "cameras");
  }

  /** The group being toured; null when stopped. */
  public ReadOnlyObjectProperty<CameraGroup> groupProperty() {
    return group.getReadOnlyProperty();
  }

  /** The page on the wall now, from 0; -1 when stopped. */
  public ReadOnlyIntegerProperty pageProperty() {
    return page.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty pageCountProperty() {
    return pageCount.getReadOnlyProperty();
  }

  public boolean isRunning() {
    return timer != null;
  }

  /** Shows the group's first page now and the next one every {@code interval}. */
  public void start(CameraGroup tour, Duration interval) {
    if (interval.toMillis() < 1000) {
      throw new IllegalArgumentException("a tour interval under 1 s is not watchable: " + interval);
    }
    stop();
    group.set(Objects.requireNonNull(tour, "tour"));
    page.set(-1);
    step();
    timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> step()));
    timer.setCycleCount(Animation.INDEFINITE);
    timer.play();
  }

  /** Shows a group's first page once, without touring (a double-click on a group). */
  public void showOnce(CameraGroup once) {
    stop();
    wall.fill(pages(once).get(0));
  }

  /** Stops touring; the wall keeps the page it shows. */
  public void stop() {
    if (timer != null) {
      timer.stop();
      timer = null;
    }
    group.set(null);
    page.set(-1);
    pageCount.set(0);
  }

  /** The next page now (also what the timer does). */
  public void step() {
    CameraGroup touring = group.get();
    if (touring == null || wall.alarmShownProperty().get()) {
      return;
    }
    List<List<WallCamera>> pages = pages(touring);
    int next = (page.get() + 1) % pages.size();
    pageCount.set(pages.size());
    page.set(next);
    wall.fill(pages.get(next));
  }

  private List<List<WallCamera>> pages(CameraGroup of) {
    List<String> playable = of.cameraIds().stream().filter(id -> cameras.apply(id).isPresent()).toList();
    return TourPages.of(playable, wall.getWallLayout().tileCount()).stream()
        .map(ids -> ids.stream().map(id -> cameras.apply(id).orElseThrow()).toList())
        .toList();
  }

  @Override
  public void close() {
    stop();
  }
}
