package io.cordon.app.registration;

import io.cordon.api.v1.Appeal;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationKind;
import io.cordon.client.registration.BlacklistViewModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.util.StringConverter;

/**
 * 黑名单与违规: blacklist entries with their expiry (lift with a reason), violations with the
 * sanctions the penalty ladder gave, a form to record a violation, and appeals to decide.
 */
public final class BlacklistView {
  static final String ENTRIES_ID = "reg-blacklist-entries";
  static final String VIOLATIONS_ID = "reg-blacklist-violations";
  private final BlacklistViewModel vm;
  private final RegistrationTexts texts;
  private final BorderPane root = new BorderPane();

  public BlacklistView(BlacklistViewModel vm, RegistrationTexts texts) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.texts = Objects.requireNonNull(texts, "texts");
    root.getStyleClass().add(RegistrationStyles.WINDOW);
    root.setTop(bar());
    SplitPane lists = new SplitPane(titled("blacklist.entries", entries()), titled("blacklist.violations", violations()),
        titled("blacklist.appeals", appeals()));
    lists.setOrientation(Orientation.VERTICAL);
    lists.setDividerPositions(0.36, 0.72);
    root.setCenter(lists);
    root.setRight(form());
  }

  public Node root() {
    return root;
  }

  private Node bar() {
    CheckBox inactive = new CheckBox();
    inactive.textProperty().bind(texts.i18n().text("registration.blacklist.inactive"));
    inactive.selectedProperty().bindBidirectional(vm.includeInactiveProperty());
    Button refresh = new Button();
    refresh.textProperty().bind(texts.i18n().text("registration.refresh"));
    refresh.setOnAction(e -> vm.refresh());
    Label error = new Label();
    error.setId("reg-blacklist-error");
    error.getStyleClass().add(RegistrationStyles.ERROR);
    error.textProperty().bind(texts.i18n().binding(() -> vm.status().failureProperty().get() == null ? ""
        : texts.failure(vm.status().failureProperty().get()), vm.status().failureProperty()));
    HBox bar = new HBox(12, inactive, refresh, error);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(RegistrationStyles.FILTERS);
    return bar;
  }

  private Node entries() {
    TableView<BlacklistEntry> t = table();
    t.setId(ENTRIES_ID);
    t.setItems(vm.entries());
    t.getColumns().add(column("blacklist.subject", 200, e -> texts.subject(e.getSubject().getKind()) + " "
        + e.getSubject().getId()));
    t.getColumns().add(column("blacklist.reason", 260, BlacklistEntry::getReason));
    t.getColumns().add(column("blacklist.from", 110, e -> texts.time(e.getFrom())));
    t.getColumns().add(column("blacklist.until", 130, e -> e.hasUntil() ? texts.time(e.getUntil())
        : texts.get("blacklist.until.lifted")));
    t.getColumns().add(column("blacklist.state", 150, e -> BlacklistViewModel.inForce(e, Instant.now())
        ? texts.get("blacklist.active") : e.hasLiftedAt()
            ? texts.format("blacklist.lifted", e.getLiftedBy(), e.getLiftReason()) : texts.get("blacklist.expired")));
    TableColumn<BlacklistEntry, String> lift = column("blacklist.lift", 90, e -> "");
    lift.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        BlacklistEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (entry == null || !entry.getActive()) {
          setGraphic(null);
          return;
        }
        Button b = new Button(texts.get("blacklist.lift"));
        b.setOnAction(e -> {
          TextInputDialog ask = new TextInputDialog();
          ask.setTitle(texts.get("blacklist.lift"));
          ask.setHeaderText(texts.format("blacklist.lift.ask", entry.getSubject().getId()));
          ask.showAndWait().ifPresent(reason -> vm.lift(entry.getEntryId(), reason));
        });
        setGraphic(b);
      }
    });
    t.getColumns().add(lift);
    return t;
  }

  private Node violations() {
    TableView<Violation> t = table();
    t.setId(VIOLATIONS_ID);
    t.setItems(vm.violations());
    t.getColumns().add(column("violation.at", 110, v -> texts.time(v.getAt())));
    t.getColumns().add(column("violation.kind", 120, v -> texts.violation(v.getKind())));
    t.getColumns().add(column("violation.offender", 200, v -> String.join(" ",
        java.util.stream.Stream.of(v.getPersonId(), v.getPlate(), v.getEnterpriseId()).filter(s -> !s.isEmpty()).toList())));
    t.getColumns().add(column("violation.gate", 70, Violation::getGateId));
    t.getColumns().add(column("violation.occurrence", 70, v -> String.valueOf(v.getOccurrence())));
    t.getColumns().add(column("violation.sanctions", 260, v -> v.getSanctionsList().stream()
        .map(s -> texts.sanction(s.getType()) + (s.getBanFor().isEmpty() ? "" : " " + s.getBanFor())
            + (s.getFineYuan() > 0 ? " ¥" + s.getFineYuan() : ""))
        .collect(Collectors.joining("；"))));
    t.getColumns().add(column("violation.description", 220, Violation::getDescription));
    return t;
  }

  private Node appeals() {
    TableView<Appeal> t = table();
    t.setItems(vm.appeals());
    t.getColumns().add(column("appeal.filed", 110, a -> texts.time(a.getFiledAt())));
    t.getColumns().add(column("appeal.violation", 120, Appeal::getViolationId));
    t.getColumns().add(column("appeal.appellant", 160, a -> texts.subject(a.getAppellant().getKind()) + " "
        + a.getAppellant().getId()));
    t.getColumns().add(column("appeal.grounds", 260, Appeal::getGrounds));
    t.getColumns().add(column("appeal.state", 100, a -> texts.appealState(a.getState())));
    TableColumn<Appeal, String> decide = column("appeal.decide", 170, a -> "");
    decide.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        Appeal appeal = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (appeal == null || !"FILED".equals(appeal.getState())) {
          setGraphic(null);
          return;
        }
        Button grant = new Button(texts.get("appeal.grant"));
        grant.setOnAction(e -> ask(appeal, true));
        Button dismiss = new Button(texts.get("appeal.dismiss"));
        dismiss.setOnAction(e -> ask(appeal, false));
        setGraphic(new HBox(6, grant, dismiss));
      }
    });
    t.getColumns().add(decide);
    return t;
  }

  private void ask(Appeal appeal, boolean grant) {
    TextInputDialog ask = new TextInputDialog();
    ask.setTitle(texts.get(grant ? "appeal.grant" : "appeal.dismiss"));
    ask.setHeaderText(texts.get("appeal.note"));
    ask.showAndWait().ifPresent(note -> vm.decideAppeal(appeal.getAppealId(), grant, note));
  }

  /** Records a violation: the ladder decides the sanctions. */
  private Node form() {
    ComboBox<ViolationKind> kind = new ComboBox<>();
    Arrays.stream(ViolationKind.values()).filter(k -> k != ViolationKind.VIOLATION_KIND_UNSPECIFIED
        && k != ViolationKind.UNRECOGNIZED).forEach(kind.getItems()::add);
    kind.setConverter(new StringConverter<>() {
      @Override
      public String toString(ViolationKind k) {
        return k == null ? "" : texts.violation(k);
      }

      @Override
      public ViolationKind fromString(String s) {
        throw new UnsupportedOperationException();
      }
    });
    kind.valueProperty().bindBidirectional(vm.violationKindProperty());
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, key("violation.kind"), kind);
    g.addRow(1, key("violation.person"), field(vm.personIdProperty()));
    g.addRow(2, key("violation.plate"), field(vm.plateProperty()));
    g.addRow(3, key("violation.enterprise"), field(vm.enterpriseIdProperty()));
    g.addRow(4, key("violation.gate"), field(vm.gateIdProperty()));
    g.addRow(5, key("violation.description"), field(vm.descriptionProperty()));
    g.addRow(6, key("violation.evidence"), field(vm.evidenceProperty()));
    CheckBox serious = new CheckBox(texts.get("violation.serious"));
    serious.selectedProperty().bindBidirectional(vm.seriousProperty());
    g.add(serious, 1, 7);
    Button record = new Button(texts.get("violation.record"));
    record.getStyleClass().add("primary");
    record.disableProperty().bind(vm.status().busyProperty());
    record.setOnAction(e -> vm.recordViolation());
    Label last = new Label();
    last.setWrapText(true);
    last.getStyleClass().add(RegistrationStyles.OK);
    last.textProperty().bind(texts.i18n().binding(() -> vm.lastRecordedProperty().get() == null ? ""
        : texts.format("violation.recorded", vm.lastRecordedProperty().get().getViolationId(),
            vm.lastRecordedProperty().get().getSanctionsList().stream().map(s -> texts.sanction(s.getType()))
                .collect(Collectors.joining("、"))), vm.lastRecordedProperty()));
    Label title = new Label(texts.get("violation.form"));
    title.getStyleClass().add(RegistrationStyles.SECTION_TITLE);
    VBox box = new VBox(10, title, g, record, last);
    box.getStyleClass().add(RegistrationStyles.FORM);
    box.setPrefWidth(380);
    return box;
  }

  private Label key(String key) {
    Label l = new Label(texts.get(key));
    l.getStyleClass().add(RegistrationStyles.KEY);
    return l;
  }

  private static TextField field(javafx.beans.property.StringProperty property) {
    TextField f = new TextField();
    f.textProperty().bindBidirectional(property);
    return f;
  }

  private Node titled(String key, Node content) {
    Label title = new Label(texts.get(key));
    title.getStyleClass().add(RegistrationStyles.SECTION_TITLE);
    BorderPane pane = new BorderPane(content);
    pane.setTop(title);
    pane.getStyleClass().add(RegistrationStyles.SECTION);
    return pane;
  }

  private <T> TableView<T> table() {
    TableView<T> t = new TableView<>();
    t.getStyleClass().add(RegistrationStyles.TABLE);
    Label empty = new Label(texts.get("blacklist.empty"));
    empty.getStyleClass().add(RegistrationStyles.MUTED);
    t.setPlaceholder(empty);
    return t;
  }

  private <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>();
    column.textProperty().bind(texts.i18n().text("registration." + key));
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }
}
