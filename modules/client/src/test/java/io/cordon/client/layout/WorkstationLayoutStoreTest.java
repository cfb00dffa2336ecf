package io.cordon.client.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationLayoutStoreTest {
  @TempDir Path dir;

  @Test
  void savedLayoutIsRestored() {
    WorkstationLayoutStore store = new WorkstationLayoutStore(dir.resolve("ws/host.properties"));
    WorkstationLayout layout =
        WorkstationLayout.defaults()
            .withMainWindow(new WindowBounds(10, 20, 1600, 900), false)
            .withLanguage("en")
            .withView(ViewPlacement.detached("events", new WindowBounds(1920, 0, 800, 600)))
            .withView(ViewPlacement.docked("map"));
    store.save(layout);
    assertThat(store.load()).isEqualTo(layout);
  }

  @Test
  void viewSettingsAreRestored() {
    WorkstationLayoutStore store = new WorkstationLayoutStore(dir.resolve("ws/host.properties"));
    WorkstationLayout layout = WorkstationLayout.defaults()
        .withSetting("video.wall.layout", "3x3|3x3|0,0 1,0")
        .withSetting("video.wall.cameras", "CAM-001,,CAM-003");

    store.save(layout);

    assertThat(store.load().setting("video.wall.cameras")).contains("CAM-001,,CAM-003");
    assertThat(store.load()).isEqualTo(layout);
  }

  @Test
  void missingFileGivesTheDefaults() {
    assertThat(new WorkstationLayoutStore(dir.resolve("none.properties")).load())
        .isEqualTo(WorkstationLayout.defaults());
  }

  @Test
  void damagedFileGivesTheDefaults() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "main.x=left\nmain.y=1\nmain.width=2\nmain.height=3\n");
    assertThat(new WorkstationLayoutStore(file).load()).isEqualTo(WorkstationLayout.defaults());
  }

  @Test
  void viewsWithoutASavedPlacementAreDocked() {
    assertThat(WorkstationLayout.defaults().view("map").detached()).isFalse();
  }

  @Test
  void defaultLanguageIsSimplifiedChinese() {
    assertThat(WorkstationLayout.defaults().languageTag()).isEqualTo("zh-CN");
  }
}
