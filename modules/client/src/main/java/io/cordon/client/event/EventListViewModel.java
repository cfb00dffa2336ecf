package io.cordon.client.event;

import io.cordon.api.v1.Event;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The most recent events, newest first, bounded so that a day of heartbeats cannot exhaust the
 * heap. Fed by {@link EventFeed} on the UI thread.
 */
public final class EventListViewModel implements EventFeed.Listener {
  public static final int DEFAULT_CAPACITY = 2_000;

  private final int capacity;
  private final ObservableList<EventRow> events = FXCollections.observableArrayList();
  private final ObservableList<EventRow> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
  private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");

  public EventListViewModel() {
    this(DEFAULT_CAPACITY);
  }

  public EventListViewModel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Newest first; at most {@link #capacity()} rows. */
  public ObservableList<EventRow> events() {
    return readOnlyEvents;
  }

  public int capacity() {
    return capacity;
  }

  /** How many events arrived since start, including those already dropped from the list. */
  public ReadOnlyLongProperty receivedProperty() {
    return received.getReadOnlyProperty();
  }

  @Override
  public void onEvents(List<Event> batch) {
    int from = Math.max(0, batch.size() - capacity);
    List<EventRow> newestFirst = new ArrayList<>(batch.size() - from);
    for (int i = batch.size() - 1; i >= from; i--) {
      newestFirst.add(EventRow.from(batch.get(i)));
    }
    int keep = Math.min(events.size(), capacity - newestFirst.size());
    if (keep < events.size()) {
      events.remove(keep, events.size());
    }
    events.addAll(0, newestFirst);
    received.set(received.get() + batch.size());
  }
}
