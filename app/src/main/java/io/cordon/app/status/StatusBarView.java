package io.cordon.app.status;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.status.StatusViewModel;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;

/**
 * The bottom bar: connection state (says so when the server is gone), the alarm stream when it is
 * not connected, notices (a supervisor's), server, user, last seq.
 */
public final class StatusBarView {
  public static final String STATE_ID = "status-state";
  public static final String ALARM_FEED_ID = "status-alarm-feed";
  public static final String ALARM_FEED_STYLE = "status-alarm-feed";

  private final StatusBar bar = new StatusBar();
  private final javafx.scene.layout.HBox stateBox;

  public StatusBarView(StatusViewModel vm, I18n i18n, boolean embedded, String userDisplayName) {
    bar.setText("");
    Circle dot = new Circle(6);
    dot.getStyleClass().add(Styles.STATUS_DOT);
    Label state = new Label();
    state.setId(STATE_ID);
    state.getStyleClass().add(Styles.STATUS_STATE);
    state.textProperty().bind(i18n.text(vm.stateKeyBinding()));
    vm.stateProperty().addListener((obs, old, now) -> styleState(now, dot, state));
    styleState(vm.stateProperty().get(), dot, state);

    Label server = detail();
    server.textProperty().bind(
        i18n.binding(
            () -> i18n.format(embedded ? "status.server.embedded" : "status.server.remote", vm.serverAddressProperty().get()),
            vm.serverAddressProperty()));
    Label seq = detail();
    seq.setId("status-last-seq");
    seq.textProperty().bind(i18n.binding(
        () -> i18n.format("status.lastSeq", Long.toString(vm.lastSeqProperty().get())), vm.lastSeqProperty()));
    Label user = detail();
    user.textProperty().bind(i18n.binding(() -> i18n.format("status.user", userDisplayName)));

    // the alarm stream can break on its own (its own call); say so while it is not connected
    Label alarmFeed = new Label();
    alarmFeed.setId(ALARM_FEED_ID);
    alarmFeed.getStyleClass().addAll(Styles.STATUS_STATE, ALARM_FEED_STYLE);
    alarmFeed.textProperty().bind(i18n.binding(
        () -> vm.alarmFeedKeyBinding().get().isEmpty() ? "" : i18n.get(vm.alarmFeedKeyBinding().get()),
        vm.alarmFeedKeyBinding()));
    alarmFeed.visibleProperty().bind(vm.alarmFeedKeyBinding().isNotEmpty());
    alarmFeed.managedProperty().bind(alarmFeed.visibleProperty());
    vm.alarmFeedStateProperty().addListener((obs, old, now) -> styleState(now, alarmFeed));
    styleState(vm.alarmFeedStateProperty().get(), alarmFeed);

    stateBox = new javafx.scene.layout.HBox(8, dot, state, alarmFeed);
    stateBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    stateBox.setPadding(new javafx.geometry.Insets(0, 0, 0, 6));
    bar.getLeftItems().add(stateBox);
    bar.getRightItems().addAll(user, separator(), seq, separator(), server);
  }

  public StatusBar root() {
    return bar;
  }

  /** Puts a notice (a supervisor's banner) after the connection state, where the eye goes first. */
  public void addNotice(javafx.scene.Node notice) {
    stateBox.getChildren().add(notice);
  }

  private static Label detail() {
    Label label = new Label();
    label.getStyleClass().add(Styles.STATUS_DETAIL);
    return label;
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }

  private static void styleState(ConnectionState state, javafx.scene.Node... nodes) {
    String[] all =
        Arrays.stream(ConnectionState.values()).map(StatusBarView::styleClass).toArray(String[]::new);
    for (javafx.scene.Node node : nodes) {
      node.getStyleClass().removeAll(all);
      node.getStyleClass().add(styleClass(state));
    }
  }

  private static String styleClass(ConnectionState state) {
    return Styles.STATE_PREFIX + state.name().toLowerCase(Locale.ROOT);
  }
}
