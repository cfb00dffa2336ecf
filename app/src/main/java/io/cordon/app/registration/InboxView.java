package io.cordon.app.registration;

import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.client.registration.ApplicationReviewViewModel;
import io.cordon.client.registration.InboxRow;
import io.cordon.client.registration.InboxViewModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * 审批待办: the reviewers' inbox (filters, one row per application with its ticking SLA timer,
 * oldest due first) beside the review pane of the selected application.
 */
public final class InboxView {
  public static final String TABLE_ID = "reg-inbox-table";
  static final Duration DUE_SOON = Duration.ofMinutes(30);

  private final InboxViewModel inbox;
  private final RegistrationTexts texts;
  private final BorderPane root = new BorderPane();
  private final TableView<InboxRow> table = new TableView<>();
  private final Timeline clock;

  public InboxView(InboxViewModel inbox, ApplicationReviewViewModel review, RegistrationTexts texts) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.texts = Objects.requireNonNull(texts, "texts");
    ReviewPane pane = new ReviewPane(review, texts);
    buildTable();
    table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
      if (row != null) {
        review.applicationIdProperty().set(row.id());
      }
    });
    review.addDecisionListener(a -> inbox.refresh());
    SplitPane split = new SplitPane(table, pane.root());
    split.setDividerPositions(0.48);
    root.getStyleClass().add(RegistrationStyles.WINDOW);
    root.setTop(filters());
    root.setCenter(split);
    clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
      inbox.tick();
    }));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }

  public Node root() {
    return root;
  }

  public TableView<InboxRow> table() {
    return table;
  }

  /** Starts the SLA timers' clock (the window is shown). */
  public void start() {
    clock.play();
  }

  /** Stops the clock (the window is hidden or closed). */
  public void close() {
    clock.stop();
  }

  private Node filters() {
    ComboBox<ApplicationKind> kind = new ComboBox<>();
    kind.setId("reg-filter-kind");
    kind.getItems().add(null);
    Arrays.stream(ApplicationKind.values()).filter(k -> k != ApplicationKind.APPLICATION_KIND_UNSPECIFIED
        && k != ApplicationKind.UNRECOGNIZED).forEach(kind.getItems()::add);
    kind.setConverter(converter(k -> k == null ? texts.get("filter.kind.all") : texts.kind(k)));
    kind.valueProperty().bindBidirectional(inbox.kindProperty());
    ComboBox<InboxViewModel.Stage> stage = new ComboBox<>();
    stage.setId("reg-filter-stage");
    stage.getItems().addAll(InboxViewModel.Stage.values());
    stage.setConverter(converter(s -> texts.get("stage." + s.name())));
    stage.valueProperty().bindBidirectional(inbox.stageProperty());
    CheckBox overdue = new CheckBox();
    overdue.setId("reg-filter-overdue");
    overdue.textProperty().bind(texts.i18n().text("registration.filter.overdue"));
    overdue.selectedProperty().bindBidirectional(inbox.overdueOnlyProperty());
    CheckBox mine = new CheckBox();
    mine.setId("reg-filter-mine");
    mine.textProperty().bind(texts.i18n().text("registration.filter.mine"));
    mine.selectedProperty().bindBidirectional(inbox.mineOnlyProperty());
    TextField text = new TextField();
    text.setId("reg-filter-text");
    text.promptTextProperty().bind(texts.i18n().text("registration.filter.text"));
    text.textProperty().bindBidirectional(inbox.textProperty());
    text.setPrefColumnCount(16);
    Button refresh = new Button();
    refresh.setId("reg-inbox-refresh");
    refresh.textProperty().bind(texts.i18n().text("registration.refresh"));
    refresh.setOnAction(e -> inbox.refresh());
    Label count = new Label();
    count.getStyleClass().add(RegistrationStyles.MUTED);
    count.textProperty().bind(texts.i18n().binding(() -> texts.format("inbox.count", inbox.rows().size()),
        inbox.rows()));
    Label error = new Label();
    error.getStyleClass().add(RegistrationStyles.ERROR);
    error.textProperty().bind(texts.i18n().binding(() -> inbox.status().failureProperty().get() == null ? ""
        : texts.failure(inbox.status().failureProperty().get()), inbox.status().failureProperty()));
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(10, kind, stage, overdue, mine, text, refresh, error, spring, count);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(RegistrationStyles.FILTERS);
    return bar;
  }

  private void buildTable() {
    table.setId(TABLE_ID);
    table.getStyleClass().add(RegistrationStyles.TABLE);
    table.setItems(inbox.rows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<InboxRow, InboxRow> sla = new TableColumn<>();
    sla.textProperty().bind(texts.i18n().text("registration.column.sla"));
    sla.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    sla.setCellFactory(c -> new SlaCell());
    sla.setPrefWidth(150);
    sla.setMinWidth(130);
    table.getColumns().add(sla);
    table.getColumns().add(column("column.kind", 100, r -> texts.kind(r.kind())));
    table.getColumns().add(column("column.id", 100, InboxRow::id));
    table.getColumns().add(column("column.applicant", 80, r -> r.item().getApplicantEnterpriseId()));
    table.getColumns().add(column("column.plates", 100, r -> String.join(" ", r.item().getPlatesList())));
    table.getColumns().add(column("column.window", 150, r -> texts.window(r.item().getWindow())));
    table.getColumns().add(column("column.stage", 130, this::stage));
    table.getColumns().add(column("column.summary", 140, r -> r.item().getSummary()));
    table.setPlaceholder(placeholder());
  }

  private Label placeholder() {
    Label empty = new Label();
    empty.getStyleClass().add(RegistrationStyles.MUTED);
    empty.textProperty().bind(texts.i18n().text("registration.inbox.empty"));
    return empty;
  }

  /** "初审 · 安全管理部" or "联合复审 · 待 应急管理部门". */
  private String stage(InboxRow r) {
    if (r.state() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW && !r.pendingDepartments().isEmpty()) {
      return texts.format("inbox.pending", r.pendingDepartments().stream().map(texts::department)
          .collect(Collectors.joining("、")));
    }
    return texts.state(r.state());
  }

  private TableColumn<InboxRow, String> column(String key, double width, Function<InboxRow, String> value) {
    TableColumn<InboxRow, String> column = new TableColumn<>();
    column.textProperty().bind(texts.i18n().text("registration." + key));
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  private static <T> StringConverter<T> converter(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return text.apply(value);
      }

      @Override
      public T fromString(String string) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** The SLA timer: time left, amber when due soon, red when overdue; it follows the model's clock. */
  private final class SlaCell extends TableCell<InboxRow, InboxRow> {
    private final javafx.beans.InvalidationListener tick = o -> show(getItem());

    SlaCell() {
      inbox.nowProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
    }

    @Override
    protected void updateItem(InboxRow row, boolean empty) {
      super.updateItem(row, empty);
      show(empty ? null : row);
    }

    private void show(InboxRow row) {
      getStyleClass().removeAll(RegistrationStyles.OVERDUE, RegistrationStyles.DUE_SOON);
      if (row == null) {
        setText(null);
        setId(null);
        return;
      }
      InboxRow.Sla sla = inbox.sla(row);
      setText(texts.sla(sla));
      if (sla.overdue()) {
        getStyleClass().add(RegistrationStyles.OVERDUE);
      } else if (sla.left().map(l -> l.compareTo(DUE_SOON) < 0).orElse(false)) {
        getStyleClass().add(RegistrationStyles.DUE_SOON);
      }
      setId("reg-sla-" + row.id());
    }
  }
}
