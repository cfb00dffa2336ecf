package io.cordon.app.video;

import io.cordon.video.tour.CameraGroup;
import io.cordon.video.tour.CameraGroupsCodec;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's camera groups, shared by all its walls and saved with its layout
 * ({@link #SETTING}). A group saved under an existing name replaces it.
 */
public final class CameraGroups {
  public static final String SETTING = "video.groups";
  private static final Logger log = LoggerFactory.getLogger(CameraGroups.class);

  private final ObservableList<CameraGroup> groups = FXCollections.observableArrayList();

  public CameraGroups(Optional<String> saved) {
    saved.ifPresent(text -> {
      try {
        groups.setAll(CameraGroupsCodec.decode(text));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring saved camera groups that cannot be read: {}", e.getMessage());
      }
    });
  }

  public ObservableList<CameraGroup> list() {
    return groups;
  }

  public Optional<CameraGroup> named(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** Saves {@code group}, in place of one with the same name. */
  public void save(CameraGroup group) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(group.name())) {
        groups.set(i, group);
        return;
      }
    }
    groups.add(group);
  }

  public void remove(CameraGroup group) {
    groups.remove(group);
  }

  public String setting() {
    return CameraGroupsCodec.encode(List.copyOf(groups));
  }
}
