package io.cordon.app.event;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.event.EventListViewModel;
import io.cordon.client.event.EventRow;
import io.cordon.client.event.EventSeverity;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The live event list: newest first, one row per event, coloured by severity. */
public final class EventListView {
  public static final String TABLE_ID = "event-table";

  private final TableView<EventRow> table = new TableView<>();
  private final Label count = new Label();

  public EventListView(EventListViewModel vm, I18n i18n) {
    table.setId(TABLE_ID);
    table.getStyleClass().add(Styles.EVENT_TABLE);
    table.setItems(vm.events());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column(i18n, "events.column.time", 205, EventRow::timeText));
    table.getColumns().add(
        column(i18n, "events.column.type", 150, row -> i18n.getOrDefault("event.type." + row.type(), row.type())));
    table.getColumns().add(
        column(
            i18n,
            "events.column.subject",
            150,
            row ->
                row.subjectKind().isEmpty()
                    ? row.subjectId()
                    : i18n.getOrDefault("subject.kind." + row.subjectKind(), row.subjectKind()) + " " + row.subjectId()));
    table.getColumns().add(column(i18n, "events.column.summary", 300, EventRow::summary));
    table.setRowFactory(t -> new SeverityRow());
    Label placeholder = new Label();
    placeholder.textProperty().bind(i18n.text("events.empty"));
    table.setPlaceholder(placeholder);
    // Type and subject texts are translated per cell: redraw them when the language changes.
    i18n.localeProperty().addListener(o -> table.refresh());

    count.getStyleClass().add(Styles.EVENT_COUNT);
    count.setId("event-count");
    count.textProperty().bind(i18n.binding(() -> i18n.format("events.count", vm.receivedProperty().get()), vm.receivedProperty()));
  }

  public TableView<EventRow> table() {
    return table;
  }

  /** "1,234 received", for the view's header. */
  public Label count() {
    return count;
  }

  private static TableColumn<EventRow, String> column(
      I18n i18n, String key, double width, Function<EventRow, String> value) {
    TableColumn<EventRow, String> column = new TableColumn<>();
    column.textProperty().bind(i18n.text(key));
    column.setPrefWidth(width);
    column.setSortable(false);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }

  private static final class SeverityRow extends TableRow<EventRow> {
    private static final String[] SEVERITY_CLASSES =
        Arrays.stream(EventSeverity.values())
            .map(s -> Styles.SEVERITY_PREFIX + s.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);

    @Override
    protected void updateItem(EventRow item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll(SEVERITY_CLASSES);
      if (!empty && item != null) {
        getStyleClass().add(Styles.SEVERITY_PREFIX + item.severity().name().toLowerCase(Locale.ROOT));
      }
    }
  }
}
