package io.cordon.video.wall;

import io.cordon.video.VideoStyles;
import io.cordon.video.VideoTexts;
import io.cordon.video.camera.StreamUrls;
import io.cordon.video.camera.WallCamera;
import io.cordon.video.layout.LayoutCell;
import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayouts;
import io.cordon.video.playback.PlaybackPlayer;
import io.cordon.video.playback.PlaybackTile;
import io.cordon.video.tile.TileSnapshot;
import io.cordon.video.tile.VideoTile;
import io.cordon.video.vlc.FrameSurface;
import io.cordon.video.vlc.VlcRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A wall of camera tiles in a {@link WallLayout}. Cameras are assigned to cells (by the app: camera
 * tree, map drag and drop, saved setups); switching layout keeps the tiles of cells that stay, so
 * their video does not restart. Double-click maximises a tile within the wall and back. An alarm
 * pop-up takes an area or the whole wall and {@link #closeAlarm()} restores the layout exactly.
 * FX thread only.
 */
public final class VideoWall extends Region implements AutoCloseable {
  private static final double GAP = 2;
  private static final DateTimeFormatter PRE_ALARM_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final VlcRuntime vlc;
  private final StreamUrls urls;
  private final VideoTexts texts;
  private final ReadOnlyObjectWrapper<WallLayout> wallLayout = new ReadOnlyObjectWrapper<>(WallLayouts.GRID_2X2);
  private final ReadOnlyIntegerWrapper maximisedCell = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyBooleanWrapper alarmShown = new ReadOnlyBooleanWrapper();
  private final ObjectProperty<AlarmMode> alarmMode = new SimpleObjectProperty<>(AlarmMode.AREA);
  /** Camera per cell index; may be longer than the layout so a smaller layout forgets nothing. */
  private final List<WallCamera> assignments = new ArrayList<>();
  /** Node per cell of the current layout: a VideoTile or an empty placeholder. */
  private final List<Node> cellNodes = new ArrayList<>();
  private final Set<Integer> alarmCells = new HashSet<>();
  private Saved beforeAlarm;
  /** Zone of the times the pre-alarm tile shows. */
  private ZoneId zone = ZoneId.of("Asia/Shanghai");
  private PreAlarm preAlarm;
  private int preAlarmCell = -1;
  private PlaybackTile preAlarmTile;

  /** What an alarm pop-up replaced. */
  private record Saved(WallLayout layout, List<WallCamera> assignments, int maximised) {
  }

  public VideoWall(VlcRuntime vlc, StreamUrls urls, VideoTexts texts) {
    this.vlc = Objects.requireNonNull(vlc, "vlc");
    this.urls = Objects.requireNonNull(urls, "urls");
    this.texts = Objects.requireNonNull(texts, "texts");
    VideoStyles.addStylesheet(this);
    getStyleClass().add(VideoStyles.WALL);
    setMinSize(0, 0);
    rebuild();
  }

  public ReadOnlyObjectProperty<WallLayout> wallLayoutProperty() {
    return wallLayout.getReadOnlyProperty();
  }

  public WallLayout getWallLayout() {
    return wallLayout.get();
  }

  /** Shows the wall in {@code layout}; cells that exist in both keep their tile and video. */
  public void setWallLayout(WallLayout layout) {
    wallLayout.set(Objects.requireNonNull(layout, "layout"));
    if (maximisedCell.get() >= layout.tileCount()) {
      maximisedCell.set(-1);
    }
    rebuild();
  }

  /** Puts {@code camera} into cell {@code cell} (null clears it). */
  public void assign(int cell, WallCamera camera) {
    if (cell < 0) {
      throw new IllegalArgumentException("cell " + cell);
    }
    while (assignments.size() <= cell) {
      assignments.add(null);
    }
    assignments.set(cell, camera);
    rebuild();
  }

  /**
   * Puts {@code cameras} into the cells from the first, in order, and empties the others: one
   * rebuild, so tiles that show the same camera in the same cell keep playing (a tour's page).
   */
  public void fill(List<WallCamera> cameras) {
    assignments.clear();
    assignments.addAll(cameras.subList(0, Math.min(cameras.size(), wallLayout.get().tileCount())));
    maximisedCell.set(-1);
    rebuild();
  }

  /** Cameras by cell index, nulls for empty cells; what a workstation saves with the layout. */
  public List<WallCamera> assignedCameras() {
    return Collections.unmodifiableList(new ArrayList<>(assignments));
  }

  public Optional<WallCamera> cameraAt(int cell) {
    return cell < assignments.size() ? Optional.ofNullable(assignments.get(cell)) : Optional.empty();
  }

  public Optional<VideoTile> tileAt(int cell) {
    return cell >= 0 && cell < cellNodes.size() && cellNodes.get(cell) instanceof VideoTile tile
        ? Optional.of(tile) : Optional.empty();
  }

  /** The tiles now on the wall, in cell order. */
  public List<VideoTile> tiles() {
    return cellNodes.stream().filter(VideoTile.class::isInstance).map(VideoTile.class::cast).toList();
  }

  /** The cell under a point in the wall's coordinates, or -1: the drop target for drag and drop. */
  public int cellAt(double x, double y) {
    for (int i = 0; i < cellNodes.size(); i++) {
      Node node = cellNodes.get(i);
      if (node.isVisible() && node.getBoundsInParent().contains(x, y)) {
        return i;
      }
    }
    return -1;
  }

  public ReadOnlyIntegerProperty maximisedCellProperty() {
    return maximisedCell.getReadOnlyProperty();
  }

  /** Maximises the cell's tile within the wall, or brings it back if it is maximised. */
  public void toggleMaximised(int cell) {
    if (cell < 0 || cell >= cellNodes.size()) {
      return;
    }
    maximisedCell.set(maximisedCell.get() == cell ? -1 : cell);
    applyStyles();
    requestLayout();
  }

  public ObjectProperty<AlarmMode> alarmModeProperty() {
    return alarmMode;
  }

  public ReadOnlyBooleanProperty alarmShownProperty() {
    return alarmShown.getReadOnlyProperty();
  }

  /**
   * Brings an alarm's cameras onto the wall (area or whole wall, by {@link #alarmModeProperty()}).
   * A second alarm while one is shown replaces the alarm cameras; the saved layout stays the first one.
   */
  public void showAlarm(List<WallCamera> cameras) {
    showAlarm(cameras, null);
  }

  /**
   * Like {@link #showAlarm(List)}, with the pre-alarm slot: the cell after the alarm's cameras plays
   * {@code pre}'s recording from its {@code from} (null: no slot). The layout is chosen to hold both.
   */
  public void showAlarm(List<WallCamera> cameras, PreAlarm pre) {
    if (cameras.isEmpty()) {
      return;
    }
    closePreAlarm();
    int wanted = cameras.size() + (pre == null ? 0 : 1);
    if (beforeAlarm == null) {
      beforeAlarm = new Saved(wallLayout.get(), new ArrayList<>(assignments), maximisedCell.get());
    }
    List<WallCamera> base = new ArrayList<>(beforeAlarm.assignments());
    WallLayout layout;
    if (alarmMode.get() == AlarmMode.WHOLE_WALL) {
      layout = WallLayouts.smallestGridFor(wanted);
      base.clear();
    } else {
      layout = beforeAlarm.layout().tileCount() >= wanted
          ? beforeAlarm.layout() : WallLayouts.smallestGridFor(wanted);
    }
    int shown = Math.min(cameras.size(), layout.tileCount() - (pre == null ? 0 : 1));
    alarmCells.clear();
    for (int i = 0; i < shown; i++) {
      while (base.size() <= i) {
        base.add(null);
      }
      base.set(i, cameras.get(i));
      alarmCells.add(i);
    }
    if (pre != null) {
      preAlarm = pre;
      preAlarmCell = shown;
      while (base.size() <= shown) {
        base.add(null);
      }
      base.set(shown, null);
      alarmCells.add(shown);
    }
    assignments.clear();
    assignments.addAll(base);
    maximisedCell.set(-1);
    wallLayout.set(layout);
    alarmShown.set(true);
    rebuild();
  }

  /** Closes the alarm pop-up: layout, cameras and maximised tile exactly as before it. */
  public void closeAlarm() {
    if (beforeAlarm == null) {
      return;
    }
    Saved saved = beforeAlarm;
    beforeAlarm = null;
    closePreAlarm();
    alarmCells.clear();
    assignments.clear();
    assignments.addAll(saved.assignments());
    wallLayout.set(saved.layout());
    maximisedCell.set(saved.maximised());
    alarmShown.set(false);
    rebuild();
  }

  /** The pre-alarm playback on the wall now, if an alarm with one is shown. */
  public Optional<PlaybackTile> preAlarmTile() {
    return Optional.ofNullable(preAlarmTile);
  }

  /** The zone the pre-alarm tile shows times in (default Asia/Shanghai). */
  public void setZone(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  private void closePreAlarm() {
    if (preAlarmTile != null) {
      preAlarmTile.close();
    }
    preAlarmTile = null;
    preAlarm = null;
    preAlarmCell = -1;
  }

  private PlaybackTile newPreAlarmTile() {
    PreAlarm pre = preAlarm;
    PlaybackPlayer player = new PlaybackPlayer(vlc, pre.camera(), pre.recordings(), urls, 640, 360);
    String title = texts.format("playback.preAlarm", PRE_ALARM_TIME.format(pre.from().atZone(zone)));
    PlaybackTile tile = new PlaybackTile(player, texts, zone, title);
    tile.setId("pre-alarm-tile");
    player.seek(pre.from());
    return tile;
  }

  /** Saves the cell's current picture as PNG into {@code dir}; empty if the tile has no picture yet. */
  public Optional<Path> snapshot(int cell, Path dir) throws IOException {
    Optional<VideoTile> tile = tileAt(cell);
    if (tile.isEmpty()) {
      return Optional.empty();
    }
    Optional<FrameSurface.Picture> picture = tile.get().currentPicture();
    if (picture.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TileSnapshot.writeInto(dir, picture.get(), tile.get().camera(), Instant.now()));
  }

  /** Releases every tile's player. */
  @Override
  public void close() {
    closePreAlarm();
    cellNodes.forEach(VideoWall::closeNode);
    cellNodes.clear();
    getChildren().clear();
  }

  private void rebuild() {
    WallLayout layout = wallLayout.get();
    List<Node> next = new ArrayList<>();
    for (int i = 0; i < layout.tileCount(); i++) {
      WallCamera wanted = i < assignments.size() ? assignments.get(i) : null;
      Node existing = i < cellNodes.size() ? cellNodes.get(i) : null;
      if (existing != null && existing == preAlarmTile) {
        existing = null; // it moves to its own cell below
      }
      if (i == preAlarmCell && preAlarm != null) {
        if (preAlarmTile == null) {
          preAlarmTile = newPreAlarmTile();
        }
        closeNode(existing);
        next.add(preAlarmTile);
      } else if (existing instanceof VideoTile tile && tile.camera().equals(wanted)) {
        next.add(tile);
      } else if (existing != null && !(existing instanceof VideoTile) && !(existing instanceof PlaybackTile)
          && wanted == null) {
        next.add(existing);
      } else {
        closeNode(existing);
        next.add(wanted == null ? emptyCell() : newTile(wanted));
      }
    }
    for (int i = layout.tileCount(); i < cellNodes.size(); i++) {
      if (!next.contains(cellNodes.get(i))) {
        closeNode(cellNodes.get(i));
      }
    }
    cellNodes.clear();
    cellNodes.addAll(next);
    getChildren().setAll(next);
    applyStyles();
    requestLayout();
  }

  private VideoTile newTile(WallCamera camera) {
    VideoTile tile = new VideoTile(vlc, urls, texts, camera);
    tile.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() % 2 == 0) {
        toggleMaximised(cellNodes.indexOf(tile));
      }
    });
    return tile;
  }

  private Node emptyCell() {
    Label hint = new Label(texts.get("tile.empty"));
    hint.getStyleClass().add(VideoStyles.MESSAGE);
    StackPane empty = new StackPane(hint);
    empty.getStyleClass().addAll(VideoStyles.TILE, VideoStyles.TILE_EMPTY);
    empty.setMinSize(0, 0);
    return empty;
  }

  private static void closeNode(Node node) {
    if (node instanceof VideoTile tile) {
      tile.close();
    } else if (node instanceof PlaybackTile tile) {
      tile.close();
    }
  }

  private void applyStyles() {
    for (int i = 0; i < cellNodes.size(); i++) {
      Node node = cellNodes.get(i);
      toggleStyle(node, VideoStyles.TILE_ALARM, alarmCells.contains(i));
      toggleStyle(node, VideoStyles.TILE_MAXIMISED, maximisedCell.get() == i);
    }
  }

  private static void toggleStyle(Node node, String style, boolean on) {
    if (on && !node.getStyleClass().contains(style)) {
      node.getStyleClass().add(style);
    } else if (!on) {
      node.getStyleClass().remove(style);
    }
  }

  @Override
  protected void layoutChildren() {
    double width = getWidth();
    double height = getHeight();
    WallLayout layout = wallLayout.get();
    int maximised = maximisedCell.get();
    for (int i = 0; i < cellNodes.size(); i++) {
      Node node = cellNodes.get(i);
      if (maximised >= 0) {
        node.setVisible(i == maximised);
        if (i == maximised) {
          node.resizeRelocate(0, 0, width, height);
        }
        continue;
      }
      node.setVisible(true);
      LayoutCell cell = layout.cells().get(i);
      double cellW = width / layout.columns();
      double cellH = height / layout.rows();
      double x = Math.round(cell.column() * cellW);
      double y = Math.round(cell.row() * cellH);
      double right = Math.round((cell.column() + cell.columnSpan()) * cellW);
      double bottom = Math.round((cell.row() + cell.rowSpan()) * cellH);
      node.resizeRelocate(x, y, Math.max(0, right - x - GAP), Math.max(0, bottom - y - GAP));
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 960;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 540;
  }
}
