package io.cordon.client.status;

import io.cordon.api.v1.Event;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.event.EventFeed;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * What the status bar shows: the link state (of the event stream), the alarm stream's state, the
 * server and how far the event stream got.
 */
public final class StatusViewModel implements EventFeed.Listener {
  private final ReadOnlyObjectWrapper<ConnectionState> state =
      new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.DISCONNECTED);
  private final ReadOnlyLongWrapper lastSeq = new ReadOnlyLongWrapper(this, "lastSeq");
  private final ReadOnlyStringWrapper serverAddress = new ReadOnlyStringWrapper(this, "serverAddress", "");
  private final StringBinding stateKey =
      Bindings.createStringBinding(() -> messageKey(state.get()), state);
  private final ReadOnlyObjectWrapper<ConnectionState> alarmFeedState =
      new ReadOnlyObjectWrapper<>(this, "alarmFeedState", ConnectionState.DISCONNECTED);
  private final StringBinding alarmFeedKey = Bindings.createStringBinding(
      () -> alarmFeedState.get() == ConnectionState.CONNECTED ? "" : "alarm.feed." + messageKey(alarmFeedState.get()),
      alarmFeedState);

  public StatusViewModel(String serverAddress) {
    this.serverAddress.set(Objects.requireNonNull(serverAddress, "serverAddress"));
  }

  public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The message key of the state's text ({@code connection.connected} …); the view translates it. */
  public StringBinding stateKeyBinding() {
    return stateKey;
  }

  /** How the alarm stream stands; feed it with {@code alarmFeed.addStateListener(status::onAlarmFeedState)}. */
  public ReadOnlyObjectProperty<ConnectionState> alarmFeedStateProperty() {
    return alarmFeedState.getReadOnlyProperty();
  }

  /**
   * The message key of what the bar says about the alarm stream ({@code alarm.feed.connection.reconnecting}
   * …); empty while it is connected, when there is nothing to say.
   */
  public StringBinding alarmFeedKeyBinding() {
    return alarmFeedKey;
  }

  public void onAlarmFeedState(ConnectionState newState) {
    alarmFeedState.set(java.util.Objects.requireNonNull(newState, "newState"));
  }

  public ReadOnlyLongProperty lastSeqProperty() {
    return lastSeq.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty serverAddressProperty() {
    return serverAddress.getReadOnlyProperty();
  }

  @Override
  public void onEvents(List<Event> batch) {
    if (!batch.isEmpty()) {
      lastSeq.set(batch.get(batch.size() - 1).getSeq());
    }
  }

  @Override
  public void onStateChanged(ConnectionState newState) {
    state.set(newState);
  }

  public static String messageKey(ConnectionState state) {
    return "connection." + state.name().toLowerCase(java.util.Locale.ROOT);
  }
}
