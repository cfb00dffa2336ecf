package io.cordon.map.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.MapState;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapLegendTest {
  private final MapState state = new MapState();
  private MapLegend legend;

  @Start
  void start(Stage stage) {
    legend = new MapLegend(state);
    stage.setScene(new Scene(legend));
    stage.show();
  }

  private List<String> texts(FxRobot robot) {
    return robot.from(legend).lookup(".legend-text").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .collect(Collectors.toList());
  }

  @Test
  void explainsEveryZoneClassGateTypeAndGateState(FxRobot robot) {
    assertThat(texts(robot)).contains(
        "核心控制区", "关键控制区", "一般控制区",
        "综合卡口", "专用卡口", "普通卡口", "应急卡口",
        "开启", "关闭", "故障", "离线");
  }

  @Test
  void explainsPerimeterRoadsAndDevices(FxRobot robot) {
    assertThat(texts(robot)).contains(
        "围墙", "围栏", "河流", "电子围栏",
        "危化品专用道路", "普通道路", "应急通道",
        "摄像机及视场", "危险物品运输车辆停车场");
  }

  @Test
  void drawsTheSwatchesWithTheMapsOwnStyleClasses(FxRobot robot) {
    assertThat(robot.from(legend).lookup(".gate-emergency").queryAll()).hasSize(1);
    assertThat(robot.from(legend).lookup(".gate-state-fault").queryAll()).hasSize(1);
    assertThat(robot.from(legend).lookup(".perimeter-electronic-fence").queryAll()).hasSize(1);
    assertThat(robot.from(legend).lookup(".parking-lot-hazmat").queryAll()).hasSize(1);
  }

  @Test
  void aLocaleSwitchRelabelsIt(FxRobot robot) {
    robot.interact(() -> state.localeProperty().set(Locale.ENGLISH));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(texts(robot)).contains("Emergency gate", "Core control zone", "Fault").doesNotContain("应急卡口");
    Node title = robot.from(legend).lookup(".legend-title").query();
    assertThat(((Label) title).getText()).isEqualTo("Legend");
  }
}
