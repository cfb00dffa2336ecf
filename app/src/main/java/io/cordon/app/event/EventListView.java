package io.cordon.app.event;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.event.EventListViewModel;
import io.cordon.client.event.EventRow;
import io.cordon.client.event.EventSeverity;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The live event list: newest first, one row per event, coloured by severity, every text in the
 * operator's language (see {@link EventDescriptions}).
 */
public final class EventListView {
  public static final String TABLE_ID = "event-table";
  public static final String SUMMARY_COLUMN_ID = "event-column-summary";

  private final TableView<EventRow> table = new TableView<>();
  private final Label count = new Label();

  public EventListView(EventListViewModel vm, I18n i18n) {
    table.setId(TABLE_ID);
    table.getStyleClass().add(Styles.EVENT_TABLE);
    table.setItems(vm.events());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    EventDescriptions describe = new EventDescriptions(i18n::find);
    // time, type and subject are short and must stay whole; the summary takes the rest
    table.getColumns().add(column(i18n, "events.column.time", 180, EventRow::timeText));
    table.getColumns().add(column(i18n, "events.column.type", 130, describe::type));
    table.getColumns().add(column(i18n, "events.column.subject", 130, describe::subject));
    TableColumn<EventRow, String> summary = column(i18n, "events.column.summary", 420, describe::summary);
    summary.setMinWidth(160);
    summary.setCellFactory(c -> new SummaryCell());
    summary.setId(SUMMARY_COLUMN_ID);
    table.getColumns().add(summary);
    table.setRowFactory(t -> new SeverityRow());
    Label placeholder = new Label();
    placeholder.textProperty().bind(i18n.text("events.empty"));
    table.setPlaceholder(placeholder);
    // Type, subject and summary are rendered per cell in the current language: redraw on a switch.
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
    column.setMinWidth(width);
    column.setSortable(false);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }

  /** A summary cut short by the column width shows in full on hover. */
  private static final class SummaryCell extends TableCell<EventRow, String> {
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      boolean blank = empty || text == null || text.isEmpty();
      setText(blank ? null : text);
      tooltip.setText(blank ? "" : text);
      setTooltip(blank ? null : tooltip);
    }
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
