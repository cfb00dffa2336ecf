package io.cordon.map.replay;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the replay layer shows, set by the application: the track, the events along it, the
 * vehicle at the cursor and which event is current. All empty by default (the layer draws
 * nothing). FX thread only.
 */
public final class ReplayState {
  private final ObjectProperty<ReplayPath> path = new SimpleObjectProperty<>(this, "path", ReplayPath.EMPTY);
  private final ObservableList<ReplayMarker> markers = FXCollections.observableArrayList();
  private final ObjectProperty<ReplayCursor> cursor = new SimpleObjectProperty<>(this, "cursor");
  private final IntegerProperty currentMarker = new SimpleIntegerProperty(this, "currentMarker", -1);

  public ObjectProperty<ReplayPath> pathProperty() {
    return path;
  }

  public ObservableList<ReplayMarker> markers() {
    return markers;
  }

  /** The vehicle at the cursor; null draws no vehicle. */
  public ObjectProperty<ReplayCursor> cursorProperty() {
    return cursor;
  }

  /** Index into {@link #markers()} of the event to label; -1 for none. */
  public IntegerProperty currentMarkerProperty() {
    return currentMarker;
  }

  /** Shows nothing again. */
  public void clear() {
    path.set(ReplayPath.EMPTY);
    markers.clear();
    cursor.set(null);
    currentMarker.set(-1);
  }
}
