package io.cordon.app.gate;

import io.cordon.api.v1.Role;
import io.cordon.app.i18n.I18n;
import io.cordon.client.auth.Session;
import io.cordon.client.connection.ConnectionState;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.access.GatesViewModel;
import io.cordon.client.gate.emergency.EmergencyViewModel;
import io.cordon.client.gate.presence.PresenceViewModel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;

/** The gate views over real view models and the demo backend, wired like the app does. */
final class GatesHarness {
  final GateDemoBackend backend = new GateDemoBackend();
  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gates-harness");
    t.setDaemon(true);
    return t;
  });
  final SimpleBooleanProperty connected = new SimpleBooleanProperty(true);
  final Session session = new Session("operator", "值班员 张明", List.of(Role.ROLE_OPERATOR));
  final GatesViewModel gates = new GatesViewModel(backend, backend, Platform::runLater, timer);
  final PresenceViewModel presence = new PresenceViewModel(backend, Platform::runLater, timer);
  final EmergencyViewModel emergency =
      new EmergencyViewModel(backend, session, connected, Clock.systemUTC(), Platform::runLater, timer);
  final PresencePanel presencePanel;
  final GatesView view;
  final EmergencyButton emergencyButton;

  /** Call on the FX thread. */
  GatesHarness(I18n i18n) {
    gates.setGates(GateDemoBackend.PARK.gates());
    presencePanel = new PresencePanel(presence, i18n);
    view = new GatesView(gates, presencePanel.root(),
        () -> new GateCommandViewModel(backend, session, connected, Platform::runLater), true, i18n);
    emergencyButton = new EmergencyButton(emergency, session.displayName(), i18n);
  }

  /** As when the event feed connects. */
  void connect() {
    gates.onStateChanged(ConnectionState.CONNECTED);
    presence.onStateChanged(ConnectionState.CONNECTED);
    emergency.start();
  }

  void close() {
    emergency.close();
    backend.close();
    timer.shutdownNow();
  }
}
