package io.cordon.app.gate;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.gate.emergency.EmergencyGateRow;
import io.cordon.client.gate.emergency.EmergencyViewModel;
import io.cordon.client.gate.emergency.GateProgress;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * 应急开启进度: each gate's progress live (已下发 / 排队 / 已确认开启 / 失败 [重试] / 已恢复), the time
 * since the click, and "结束应急" with a reason. One window, shown again on every click of the
 * emergency control while an emergency is active.
 */
public final class EmergencyProgressWindow {
  public static final String TABLE_ID = "emergency-progress";
  public static final String END_REASON_ID = "emergency-end-reason";
  public static final String END_ID = "emergency-end";

  private final Stage stage = new Stage();
  private final TableView<EmergencyGateRow> table = new TableView<>();
  private final javafx.animation.Timeline ticker;

  public EmergencyProgressWindow(Window owner, EmergencyViewModel vm, I18n i18n) {
    GateTexts texts = new GateTexts(i18n);
    Label title = new Label();
    title.getStyleClass().add(Styles.DIALOG_TITLE);
    title.textProperty().bind(i18n.binding(() -> vm.activeProperty().get()
            ? i18n.get("emergency.progress.title")
            : i18n.format("emergency.progress.ended", vm.endedByProperty().get()),
        vm.activeProperty(), vm.endedByProperty()));
    Label header = new Label();
    header.setWrapText(true);
    header.textProperty().bind(i18n.binding(() -> {
      String scope = vm.activeScopeProperty().get() == null ? ""
          : i18n.get("emergency.scope." + vm.activeScopeProperty().get().name());
      String text = i18n.format("emergency.progress.header", vm.activeReasonProperty().get(), vm.openedByProperty().get())
          + "\n" + scope;
      return vm.confirmedByProperty().get().isEmpty() ? text
          : text + "\n" + i18n.format("emergency.progress.second", vm.confirmedByProperty().get());
    }, vm.activeReasonProperty(), vm.openedByProperty(), vm.activeScopeProperty(), vm.confirmedByProperty()));

    Label elapsed = new Label();
    elapsed.setId("emergency-elapsed");
    elapsed.getStyleClass().add(GateStyles.EMERGENCY_ELAPSED);
    elapsed.textProperty().bind(Bindings.createStringBinding(() -> GateTexts.elapsed(vm.elapsedProperty().get()),
        vm.elapsedProperty()));
    Label elapsedLabel = new Label();
    elapsedLabel.textProperty().bind(i18n.text("emergency.progress.elapsed"));
    elapsedLabel.getStyleClass().add(GateStyles.MUTED);
    Label counts = new Label();
    counts.setId("emergency-counts");
    counts.getStyleClass().add("emergency-counts");
    counts.textProperty().bind(i18n.binding(() -> {
      String text = i18n.format("emergency.progress.counts", vm.confirmedCountProperty().get(), vm.gates().size(),
          vm.failedCountProperty().get());
      Duration all = vm.allConfirmedAfterProperty().get();
      return all == null ? text : text + "   " + i18n.format("emergency.progress.allConfirmed", GateTexts.seconds(all));
    }, vm.confirmedCountProperty(), vm.failedCountProperty(), vm.gates(), vm.allConfirmedAfterProperty()));
    Label reconnecting = new Label();
    reconnecting.textProperty().bind(i18n.text("emergency.progress.reconnecting"));
    reconnecting.getStyleClass().add(Styles.DIALOG_ERROR);
    reconnecting.visibleProperty().bind(vm.watchStateProperty().isEqualTo(ConnectionState.RECONNECTING));
    reconnecting.managedProperty().bind(reconnecting.visibleProperty());
    VBox clock = new VBox(0, elapsedLabel, elapsed);
    clock.setAlignment(Pos.CENTER_RIGHT);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    VBox left = new VBox(4, title, header, counts, reconnecting);
    HBox top = new HBox(12, left, gap, clock);

    buildTable(vm, i18n, texts);

    TextField endReason = new TextField();
    endReason.setId(END_REASON_ID);
    endReason.setPromptText(i18n.get("emergency.end.reason.prompt"));
    endReason.textProperty().bindBidirectional(vm.endReasonProperty());
    HBox.setHgrow(endReason, Priority.ALWAYS);
    Button end = new Button(i18n.get("emergency.end"));
    end.setId(END_ID);
    end.getStyleClass().add(Styles.PRIMARY);
    end.disableProperty().bind(vm.endCommand().executableProperty().not());
    end.setOnAction(e -> vm.endCommand().execute());
    Label endLabel = new Label(i18n.get("emergency.end.reason"));
    HBox endBar = new HBox(8, endLabel, endReason, end);
    endBar.setAlignment(Pos.CENTER_LEFT);
    endBar.visibleProperty().bind(vm.activeProperty());
    endBar.managedProperty().bind(vm.activeProperty());
    Button close = new Button(i18n.get("emergency.close"));
    close.setOnAction(e -> stage.close());
    Label error = new Label();
    error.getStyleClass().add(Styles.DIALOG_ERROR);
    error.textProperty().bind(i18n.text(vm.errorKeyProperty()));
    Region gap2 = new Region();
    HBox.setHgrow(gap2, Priority.ALWAYS);
    VBox bottom = new VBox(8, endBar, new HBox(8, error, gap2, close));

    BorderPane root = new BorderPane(table, top, null, bottom, null);
    BorderPane.setMargin(table, new javafx.geometry.Insets(10, 0, 10, 0));
    root.getStyleClass().addAll(Styles.DIALOG, GateStyles.EMERGENCY_WINDOW);
    Scene scene = new Scene(root, 900, 640);
    Styles.apply(scene);
    stage.setScene(scene);
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.titleProperty().bind(i18n.text("emergency.progress.title"));
    ticker = new javafx.animation.Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> vm.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);
    stage.setOnShown(e -> ticker.play());
    stage.setOnHidden(e -> ticker.stop());
  }

  private void buildTable(EmergencyViewModel vm, I18n i18n, GateTexts texts) {
    table.setId(TABLE_ID);
    table.getStyleClass().addAll("event-table", GateStyles.TABLE);
    table.setItems(vm.gates());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    TableColumn<EmergencyGateRow, String> gate = new TableColumn<>(i18n.get("emergency.progress.col.gate"));
    gate.setCellValueFactory(c -> c.getValue().gateNameProperty());
    gate.setPrefWidth(200);
    TableColumn<EmergencyGateRow, String> action = new TableColumn<>(i18n.get("emergency.progress.col.action"));
    action.setCellValueFactory(c -> Bindings.createStringBinding(
        () -> texts.of("emergency.kind.", c.getValue().kindProperty().get()), c.getValue().kindProperty()));
    TableColumn<EmergencyGateRow, GateProgress> state = new TableColumn<>(i18n.get("emergency.progress.col.state"));
    state.setCellValueFactory(c -> c.getValue().progressProperty());
    state.setPrefWidth(200);
    state.setCellFactory(c -> new TableCell<>() {
      private final Label chip = new Label();
      private final Button retry = new Button(i18n.get("emergency.progress.retry"));
      private final HBox box = new HBox(8, chip, retry);

      {
        box.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(GateStyles.PROGRESS_CHIP);
        retry.getStyleClass().add("emergency-retry");
      }

      @Override
      protected void updateItem(GateProgress item, boolean empty) {
        super.updateItem(item, empty);
        EmergencyGateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (empty || item == null || row == null) {
          setGraphic(null);
          return;
        }
        chip.setText(texts.of("emergency.state.", item));
        chip.getStyleClass().removeIf(s -> s.startsWith("progress-"));
        chip.getStyleClass().add(GateStyles.progress(item));
        retry.setId("emergency-retry-" + row.gateId());
        retry.disableProperty().unbind();
        retry.disableProperty().bind(row.retryCommand().executableProperty().not());
        retry.setVisible(item == GateProgress.FAILED);
        retry.setManaged(item == GateProgress.FAILED);
        retry.setOnAction(e -> row.retryCommand().execute());
        setGraphic(box);
      }
    });
    TableColumn<EmergencyGateRow, String> after = new TableColumn<>(i18n.get("emergency.progress.col.after"));
    after.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
      Duration d = c.getValue().confirmedAfter(vm.openedAtProperty().get());
      return d == null ? "" : i18n.format("emergency.progress.after", GateTexts.seconds(d));
    }, c.getValue().confirmedAtProperty(), vm.openedAtProperty()));
    TableColumn<EmergencyGateRow, Number> attempts = new TableColumn<>(i18n.get("emergency.progress.col.attempts"));
    attempts.setCellValueFactory(c -> c.getValue().attemptsProperty());
    attempts.setPrefWidth(50);
    TableColumn<EmergencyGateRow, String> detail = new TableColumn<>(i18n.get("emergency.progress.col.detail"));
    detail.setCellValueFactory(c -> c.getValue().detailProperty());
    detail.setPrefWidth(200);
    table.getColumns().addAll(java.util.List.of(gate, action, state, after, attempts, detail));
    table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
      @Override
      protected void updateItem(EmergencyGateRow item, boolean empty) {
        super.updateItem(item, empty);
        if (!empty && item != null) {
          setId("emergency-row-" + item.gateId());
        }
      }
    });
  }

  public void show() {
    stage.show();
    stage.toFront();
  }

  public Stage stage() {
    return stage;
  }

  public TableView<EmergencyGateRow> table() {
    return table;
  }
}
