package io.cordon.app.video;

import io.cordon.app.i18n.I18n;
import io.cordon.domain.geo.Wgs84;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.video.tour.CameraGroup;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;

/**
 * The cameras an operator puts on a wall: the saved camera groups first, then every park camera
 * under its gate (within {@value #GATE_CAMERA_METRES} m of one) or its control zone. Cameras and
 * groups are dragged onto a tile (the drag carries the camera id, or {@link #GROUP_DRAG_PREFIX}
 * and the group's name) or double-clicked; a group's menu starts a tour or deletes it.
 */
final class CameraTree {
  /** A dragged group's text starts with this; a camera's is its bare id. */
  static final String GROUP_DRAG_PREFIX = "cordon-camera-group:";
  /** A camera this close to a gate is listed under the gate. */
  private static final double GATE_CAMERA_METRES = 120;
  /** The tour intervals offered in a group's menu. */
  static final List<Duration> TOUR_INTERVALS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofSeconds(60));

  /** What the operator asks of the tree. */
  interface Actions {
    void showCamera(String cameraId);

    void showGroup(CameraGroup group);

    void tourGroup(CameraGroup group, Duration interval);
  }

  private final I18n i18n;
  private final CameraGroups groups;
  private final Actions actions;
  private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("cameras"));
  private final TreeItem<Object> groupItems = new TreeItem<>();
  private Predicate<String> playable = id -> false;
  private Park park;

  CameraTree(I18n i18n, CameraGroups groups, Actions actions) {
    this.i18n = i18n;
    this.groups = groups;
    this.actions = actions;
    tree.setShowRoot(false);
    tree.setId("video-cameras");
    tree.setCellFactory(v -> cell());
    groupItems.setValue(new GroupsHeader());
    groupItems.setExpanded(true);
    groups.list().addListener((ListChangeListener<CameraGroup>) c -> fillGroups());
  }

  TreeView<Object> view() {
    return tree;
  }

  /** Lists the park's cameras; {@code hasStreams} says which can play (the others are greyed). */
  void fill(Park plan, Predicate<String> hasStreams) {
    this.park = plan;
    this.playable = hasStreams;
    Map<String, TreeItem<Object>> sections = new LinkedHashMap<>();
    for (Camera camera : plan.cameras()) {
      String zoneName = plan.zoneAt(camera.position()).map(ControlZone::name).orElse("");
      String section = nearestGate(camera).map(Gate::name)
          .orElse(zoneName.isEmpty() ? i18n.get("video.cameras") : zoneName);
      sections.computeIfAbsent(section, n -> new TreeItem<>(n)).getChildren().add(new TreeItem<>(camera));
    }
    sections.values().forEach(s -> s.setExpanded(true));
    tree.getRoot().getChildren().setAll(sections.values());
    fillGroups();
  }

  private void fillGroups() {
    groupItems.getChildren().setAll(groups.list().stream().map(g -> new TreeItem<Object>(g)).toList());
    List<TreeItem<Object>> top = tree.getRoot().getChildren();
    if (groups.list().isEmpty()) {
      top.remove(groupItems);
    } else if (!top.contains(groupItems)) {
      top.add(0, groupItems);
    }
  }

  private Optional<Gate> nearestGate(Camera camera) {
    Comparator<Gate> byDistance = Comparator.comparingDouble(g -> metres(g, camera));
    return park.gates().stream().filter(g -> metres(g, camera) < GATE_CAMERA_METRES).min(byDistance);
  }

  private static double metres(Gate gate, Camera camera) {
    return Wgs84.distanceMetres(gate.position().getCoordinate(), camera.position().getCoordinate());
  }

  /** The header above the groups; a type of its own so its text follows the language. */
  private record GroupsHeader() {
  }

  private TreeCell<Object> cell() {
    TreeCell<Object> cell = new TreeCell<>() {
      @Override
      protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("video-camera-off");
        setContextMenu(null);
        if (empty || item == null) {
          setText(null);
        } else if (item instanceof Camera camera) {
          boolean streams = playable.test(camera.id().value());
          setText(streams ? camera.name() : i18n.format("video.cameras.noStream", camera.name()));
          if (!streams) {
            getStyleClass().add("video-camera-off");
          }
        } else if (item instanceof CameraGroup group) {
          setText(i18n.format("video.group.item", group.name(), group.cameraIds().size()));
          setContextMenu(groupMenu(group));
        } else if (item instanceof GroupsHeader) {
          setText(i18n.get("video.groups"));
        } else {
          setText(item.toString());
        }
      }
    };
    cell.setOnDragDetected(e -> {
      String text = cell.getItem() instanceof Camera camera && playable.test(camera.id().value())
          ? camera.id().value()
          : cell.getItem() instanceof CameraGroup group ? GROUP_DRAG_PREFIX + group.name() : null;
      if (text != null) {
        Dragboard board = cell.startDragAndDrop(TransferMode.COPY);
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        board.setContent(content);
        e.consume();
      }
    });
    cell.setOnMouseClicked(e -> {
      if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) {
        return;
      }
      if (cell.getItem() instanceof Camera camera && playable.test(camera.id().value())) {
        actions.showCamera(camera.id().value());
      } else if (cell.getItem() instanceof CameraGroup group) {
        actions.showGroup(group);
      }
    });
    return cell;
  }

  private ContextMenu groupMenu(CameraGroup group) {
    ContextMenu menu = new ContextMenu();
    MenuItem show = new MenuItem(i18n.get("video.group.show"));
    show.setOnAction(e -> actions.showGroup(group));
    menu.getItems().add(show);
    for (Duration interval : TOUR_INTERVALS) {
      MenuItem tour = new MenuItem(i18n.format("video.group.tour", interval.toSeconds()));
      tour.setId("video-group-tour-" + interval.toSeconds());
      tour.setOnAction(e -> actions.tourGroup(group, interval));
      menu.getItems().add(tour);
    }
    MenuItem delete = new MenuItem(i18n.get("video.group.delete"));
    delete.setOnAction(e -> groups.remove(group));
    menu.getItems().add(delete);
    return menu;
  }
}
