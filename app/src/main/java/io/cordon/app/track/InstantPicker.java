package io.cordon.app.track;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * A date picker and an "HH:mm" field in park time, kept in step with an {@link Instant} property
 * both ways. A time that does not parse is marked and leaves the property as it was.
 */
final class InstantPicker {
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final String INVALID = "track-invalid";

  private final ObjectProperty<Instant> value;
  private final DatePicker date = new DatePicker();
  private final TextField time = new TextField();
  private final HBox root = new HBox(4, date, time);
  private boolean updating;

  InstantPicker(ObjectProperty<Instant> value, String id) {
    this.value = value;
    date.setId(id + "-date");
    time.setId(id + "-time");
    date.setPrefWidth(130);
    // the park's own way of writing dates, whatever the machine's locale
    date.setConverter(new javafx.util.converter.LocalDateStringConverter(
        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
    time.setPrefColumnCount(5);
    show(value.get());
    value.addListener((o, was, now) -> show(now));
    date.valueProperty().addListener((o, was, now) -> write());
    time.textProperty().addListener((o, was, now) -> write());
  }

  HBox root() {
    return root;
  }

  private void show(Instant instant) {
    if (updating || instant == null) {
      return;
    }
    updating = true;
    ZonedDateTime at = instant.atZone(TrackTexts.ZONE);
    date.setValue(at.toLocalDate());
    time.setText(HOURS_MINUTES.format(at));
    time.getStyleClass().remove(INVALID);
    updating = false;
  }

  private void write() {
    if (updating) {
      return;
    }
    LocalDate day = date.getValue();
    LocalTime at;
    try {
      at = LocalTime.parse(time.getText().strip(), HOURS_MINUTES);
    } catch (DateTimeParseException e) {
      if (!time.getStyleClass().contains(INVALID)) {
        time.getStyleClass().add(INVALID);
      }
      return;
    }
    time.getStyleClass().remove(INVALID);
    if (day != null) {
      updating = true;
      value.set(day.atTime(at).atZone(TrackTexts.ZONE).toInstant());
      updating = false;
    }
  }
}
