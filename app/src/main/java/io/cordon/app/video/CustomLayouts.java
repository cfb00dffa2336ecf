package io.cordon.app.video;

import io.cordon.video.layout.WallLayout;
import io.cordon.video.layout.WallLayoutCodec;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The layouts the workstation's operators designed, offered by every wall and saved with the workstation. */
public final class CustomLayouts {
  public static final String SETTING = "video.layouts";
  private static final Logger log = LoggerFactory.getLogger(CustomLayouts.class);

  private final ObservableList<WallLayout> layouts = FXCollections.observableArrayList();

  public CustomLayouts(Optional<String> saved) {
    saved.ifPresent(text -> {
      try {
        layouts.setAll(WallLayoutCodec.decodeAll(text));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring saved custom layouts that cannot be read: {}", e.getMessage());
      }
    });
  }

  public ObservableList<WallLayout> list() {
    return layouts;
  }

  /** Saves {@code layout}, in place of one with the same name. */
  public void save(WallLayout layout) {
    for (int i = 0; i < layouts.size(); i++) {
      if (layouts.get(i).name().equals(layout.name())) {
        layouts.set(i, layout);
        return;
      }
    }
    layouts.add(layout);
  }

  public void remove(WallLayout layout) {
    layouts.remove(layout);
  }

  public String setting() {
    return WallLayoutCodec.encodeAll(List.copyOf(layouts));
  }
}
