package io.cordon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.app.backend.EmbeddedBackend;
import io.cordon.app.event.EventListView;
import io.cordon.app.status.StatusBarView;
import io.cordon.client.event.EventRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the duty operator sees when the server goes away and comes back: the embedded server is
 * stopped under the running client, then started again on the same port and data directory.
 */
@ExtendWith(ApplicationExtension.class)
class ServerOutageTest {
  private static final String CONNECTED = "已连接";
  private static final String RECONNECTING = "连接中断，正在重连…";

  @TempDir Path dataDir;
  @TempDir Path configDir;

  private AppDriver driver;
  private EmbeddedBackend backend;
  private Label state;
  private TableView<EventRow> events;

  @BeforeEach
  void signInAndReceiveEvents(FxRobot robot) throws Exception {
    driver = new AppDriver(robot);
    driver.start(dataDir, configDir.resolve("workstation.properties"));
    driver.signInAsOperator();
    backend = driver.embeddedBackend();
    state = driver.node("#" + StatusBarView.STATE_ID);
    events = driver.node("#" + EventListView.TABLE_ID);
    AppDriver.waitFor("live events", () -> rows().size() >= 3);
    AppDriver.waitFor("the connected state", () -> CONNECTED.equals(state.getText()));
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.stop();
  }

  @Test
  void statusBarSaysTheLinkIsBrokenWhileTheServerIsGone() throws Exception {
    backend.stopServer();

    AppDriver.waitFor("the broken link in the status bar", () -> RECONNECTING.equals(state.getText())
        && state.getStyleClass().contains("state-reconnecting"));
    assertThat(state.getStyleClass()).doesNotContain("state-connected");
  }

  @Test
  void afterTheServerRestartsTheListContinuesWithNoGapAndNoDuplicate() throws Exception {
    backend.stopServer();
    AppDriver.waitFor("the broken link in the status bar", () -> RECONNECTING.equals(state.getText()));
    long lastBefore = rows().get(0).seq();

    backend.startServer();

    AppDriver.waitFor("events after the restart", () -> rows().get(0).seq() >= lastBefore + 5);
    // the feed says "connected" as soon as it has asked again, and a first try can still meet the port
    // closed; once events flow again the bar must say connected and stay so
    AppDriver.waitFor("the link back in the status bar", () -> CONNECTED.equals(state.getText())
        && state.getStyleClass().contains("state-connected"));
    assertThat(state.getStyleClass()).doesNotContain("state-reconnecting");
    List<Long> seqs = rows().stream().map(EventRow::seq).toList();
    assertThat(seqs).contains(lastBefore, lastBefore + 1).doesNotHaveDuplicates();
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("the row below seq " + seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) - 1);
    }
  }

  /** The rows as shown, newest first, read on the FX thread. */
  private List<EventRow> rows() throws InterruptedException, ExecutionException {
    return WaitForAsyncUtils.asyncFx(() -> List.copyOf(events.getItems())).get();
  }
}
