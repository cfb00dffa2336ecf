package io.cordon.app.timeline;

import io.cordon.client.timeline.TimelineViewModel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextField;

/**
 * "yyyy-MM-dd HH:mm" in park time, kept in step with an {@link Instant} property both ways; a text
 * that does not parse is marked and leaves the property as it was.
 */
final class DateTimeField {
  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String INVALID = "timeline-invalid";

  private final ObjectProperty<Instant> value;
  private final TextField field = new TextField();
  private boolean updating;

  DateTimeField(ObjectProperty<Instant> value, String id) {
    this.value = value;
    field.setId(id);
    field.setPrefColumnCount(11);
    field.getStyleClass().add("timeline-datetime");
    show(value.get());
    value.addListener((o, was, now) -> show(now));
    field.textProperty().addListener((o, was, now) -> write(now));
  }

  TextField field() {
    return field;
  }

  private void show(Instant instant) {
    if (updating || instant == null) {
      return;
    }
    updating = true;
    field.setText(FORMAT.format(instant.atZone(TimelineViewModel.PARK_ZONE)));
    field.getStyleClass().remove(INVALID);
    updating = false;
  }

  private void write(String text) {
    if (updating) {
      return;
    }
    try {
      Instant parsed = LocalDateTime.parse(text.strip(), FORMAT).atZone(TimelineViewModel.PARK_ZONE).toInstant();
      field.getStyleClass().remove(INVALID);
      updating = true;
      value.set(parsed);
      updating = false;
    } catch (DateTimeParseException e) {
      if (!field.getStyleClass().contains(INVALID)) {
        field.getStyleClass().add(INVALID);
      }
    }
  }
}
