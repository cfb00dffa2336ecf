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

/** What the status bar shows: the link state, the server and how far the event stream got. */
public final class StatusViewModel implements EventFeed.Listener {
  private final ReadOnlyObjectWrapper<ConnectionState> state =
      new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.DISCONNECTED);
  private final ReadOnlyLongWrapper lastSeq = new ReadOnlyLongWrapper(this, "lastSeq");
  private final ReadOnlyStringWrapper serverAddress = new ReadOnlyStringWrapper(this, "serverAddress", "");
  private final StringBinding stateKey =
      Bindings.createStringBinding(() -> messageKey(state.get()), state);

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
