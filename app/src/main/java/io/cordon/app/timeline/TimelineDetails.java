package io.cordon.app.timeline;

import io.cordon.client.event.EventSubject;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.client.timeline.TimelineViewModel;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Beside the timeline: the details of the mark clicked (kind, time or span, summary, subjects,
 * place, the event's attributes) and the entries at the cursor; clicking one selects it.
 */
final class TimelineDetails {
  static final String DETAIL_ID = "timeline-detail";
  static final String AT_CURSOR_ID = "timeline-at-cursor";

  private final TimelineViewModel vm;
  private final TimelineTexts texts;
  private final Label heading = new Label();
  private final Label body = new Label();
  private final ListView<TimelineMark> atCursor = new ListView<>();
  private final VBox root;
  private boolean selecting;

  TimelineDetails(TimelineViewModel vm, TimelineTexts texts) {
    this.vm = vm;
    this.texts = texts;
    heading.getStyleClass().add("timeline-detail-heading");
    heading.setWrapText(true);
    body.setId(DETAIL_ID);
    body.getStyleClass().add("timeline-detail");
    body.setWrapText(true);
    body.setMinHeight(Region.USE_PREF_SIZE);
    atCursor.setId(AT_CURSOR_ID);
    atCursor.getStyleClass().add("timeline-at-cursor");
    atCursor.setItems(vm.marksAtCursor());
    atCursor.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(TimelineMark mark, boolean empty) {
        super.updateItem(mark, empty);
        setText(empty || mark == null ? null : texts.lane(mark.lane()) + " · " + texts.line(mark));
      }
    });
    atCursor.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null && !selecting) {
        vm.selectedProperty().set(now); // shows it; the cursor stays, the list with it
      }
    });
    Label atCursorTitle = new Label();
    atCursorTitle.getStyleClass().add("timeline-section");
    atCursorTitle.textProperty().bind(texts.i18n().binding(() -> texts.format("timeline.atCursor",
        TimelineTexts.dayTime(vm.cursorProperty().get())), vm.cursorProperty()));
    Label placeholder = new Label();
    placeholder.textProperty().bind(texts.i18n().text("timeline.atCursor.none"));
    atCursor.setPlaceholder(placeholder);
    Label detailTitle = new Label();
    detailTitle.getStyleClass().add("timeline-section");
    detailTitle.textProperty().bind(texts.i18n().text("timeline.detail.title"));
    root = new VBox(8, detailTitle, heading, body, atCursorTitle, atCursor);
    VBox.setVgrow(atCursor, Priority.ALWAYS);
    root.setPadding(new Insets(10));
    root.getStyleClass().add("timeline-details");
    vm.selectedProperty().addListener((o, was, now) -> show(now));
    texts.i18n().localeProperty().addListener(o -> {
      show(vm.selectedProperty().get());
      atCursor.refresh();
    });
    show(null);
  }

  Region root() {
    return root;
  }

  private void show(TimelineMark mark) {
    selecting = true;
    if (mark == null) {
      atCursor.getSelectionModel().clearSelection();
    } else {
      atCursor.getSelectionModel().select(mark);
    }
    selecting = false;
    if (mark == null) {
      heading.setText(texts.get("timeline.detail.none"));
      body.setText("");
      return;
    }
    heading.setText(texts.lane(mark.lane()) + " · " + texts.type(mark));
    StringBuilder b = new StringBuilder();
    b.append(mark.isSpan()
        ? texts.format("timeline.detail.span", TimelineTexts.dayTime(mark.time()), TimelineTexts.dayTime(mark.end()))
        : texts.format("timeline.detail.time", TimelineTexts.dayTime(mark.time())));
    b.append('\n').append(texts.summary(mark));
    for (EventSubject s : mark.event().subjects()) {
      b.append('\n').append(texts.i18n().getOrDefault("subject.kind." + s.kind(), s.kind())).append("：").append(s.id());
    }
    mark.event().location().ifPresent(at -> b.append('\n').append(texts.format("timeline.detail.place",
        String.format(Locale.ROOT, "%.5f", at.lon()), String.format(Locale.ROOT, "%.5f", at.lat()))));
    Map<String, String> attributes = new TreeMap<>(mark.event().attributes());
    attributes.forEach((k, v) -> b.append('\n').append(k).append(" = ").append(v));
    b.append('\n').append(texts.format("timeline.detail.seq", Long.toString(mark.seq())));
    body.setText(b.toString());
  }
}
