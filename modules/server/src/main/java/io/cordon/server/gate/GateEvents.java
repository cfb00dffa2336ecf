package io.cordon.server.gate;

import io.cordon.devices.gate.BarrierAction;
import io.cordon.devices.gate.GateStateObservation;
import io.cordon.devices.gate.IssuedGateCommand;
import io.cordon.domain.gate.GateState;
import io.cordon.domain.gate.access.GateMode;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.server.event.JournalEvent;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.event.TypeFilter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events of gates, written and read back in one place. Subjects: the gate first (kind
 * {@code gate}), then for a command the user who issued it (kind {@code user}); the location is the
 * gate's position in the park plan.
 */
public final class GateEvents {

  /** A gate entered a new state. Attributes: state, previous, detail (optional), reporter. */
  public static final String STATE = "gate.state";
  /**
   * An operator (or an emergency opening) commanded a gate. Attributes: action (a {@link
   * BarrierAction} name: OPEN, CLOSE, HOLD_OPEN, SET_MODE), reason, user; lane (only for a one-lane
   * command), mode (only with SET_MODE: NORMAL/EVACUATION), emergency_id (only within an emergency).
   */
  public static final String COMMAND = "gate.command";

  static final TypeFilter STATES = new TypeFilter(List.of(STATE));
  static final TypeFilter COMMANDS = new TypeFilter(List.of(COMMAND));

  static final String GATE = "gate";
  static final String USER = "user";
  static final String ATTR_STATE = "state";
  static final String ATTR_PREVIOUS = "previous";
  static final String ATTR_DETAIL = "detail";
  static final String ATTR_REPORTER = "reporter";
  static final String ATTR_ACTION = "action";
  static final String ATTR_REASON = "reason";
  static final String ATTR_USER = "user";
  static final String ATTR_LANE = "lane";
  static final String ATTR_MODE = "mode";
  public static final String ATTR_EMERGENCY_ID = "emergency_id";

  private GateEvents() {
  }

  static NewEvent stateChange(GateStateObservation observation, GateState previous) {
    Gate gate = observation.gate();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ATTR_STATE, observation.state().name());
    attributes.put(ATTR_PREVIOUS, previous.name());
    if (!observation.detail().isEmpty()) {
      attributes.put(ATTR_DETAIL, observation.detail());
    }
    if (!observation.reporter().isEmpty()) {
      attributes.put(ATTR_REPORTER, observation.reporter());
    }
    String summary = "Gate " + gate.id() + " " + gate.name() + " is " + observation.state() + " (was " + previous + ")";
    if (!observation.detail().isEmpty()) {
      summary += ": " + observation.detail();
    }
    return new NewEvent(observation.observedAt(), STATE, List.of(new SubjectKey(GATE, gate.id().value())),
        location(gate), summary, attributes);
  }

  static NewEvent command(Gate gate, BarrierAction action, String reason, String user, Instant at) {
    return command(GateOrder.manual(gate, Optional.empty(), action, reason), user, at);
  }

  /** The {@code gate.command} event of an order: the audit record and the gate's queue entry at once. */
  public static NewEvent command(GateOrder order, String user, Instant at) {
    Gate gate = order.gate();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ATTR_ACTION, order.action().name());
    attributes.put(ATTR_REASON, order.reason());
    attributes.put(ATTR_USER, user);
    order.lane().ifPresent(lane -> attributes.put(ATTR_LANE, lane.id()));
    order.mode().ifPresent(mode -> attributes.put(ATTR_MODE, mode.name()));
    order.emergencyId().ifPresent(id -> attributes.put(ATTR_EMERGENCY_ID, id));
    String target = order.lane().map(lane -> "lane " + lane.id() + " of gate ").orElse("gate ");
    String summary = verb(order) + " " + target + gate.id() + " " + gate.name() + ", commanded by " + user
        + order.emergencyId().map(id -> " (emergency " + id + ")").orElse("") + ": " + order.reason();
    if (summary.length() > 500) {
      summary = summary.substring(0, 499) + "…";
    }
    return new NewEvent(at, COMMAND, List.of(new SubjectKey(GATE, gate.id().value()), new SubjectKey(USER, user)),
        location(gate), summary, attributes);
  }

  private static String verb(GateOrder order) {
    switch (order.action()) {
      case OPEN:
        return "Open";
      case HOLD_OPEN:
        return "Hold open";
      case SET_MODE:
        return "Switch to " + order.mode().map(GateMode::name).orElse("?") + " mode";
      default:
        return "Close";
    }
  }

  /** The command a {@code gate.command} event records. */
  public static IssuedGateCommand commandOf(JournalEvent event) {
    Map<String, String> attributes = event.attributes();
    return new IssuedGateCommand(event.seq(), gateOf(event),
        BarrierAction.valueOf(attributes.get(ATTR_ACTION)),
        attributes.getOrDefault(ATTR_REASON, ""),
        attributes.getOrDefault(ATTR_USER, ""),
        event.occurredAt(),
        Optional.ofNullable(attributes.get(ATTR_LANE)).filter(lane -> !lane.isEmpty()),
        Optional.ofNullable(attributes.get(ATTR_MODE)).map(GateMode::valueOf),
        Optional.ofNullable(attributes.get(ATTR_EMERGENCY_ID)).filter(id -> !id.isEmpty()));
  }

  /** The state a {@code gate.state} event records. */
  static CurrentGateState stateOf(JournalEvent event) {
    return new CurrentGateState(gateOf(event), GateState.valueOf(event.attributes().get(ATTR_STATE)),
        Optional.of(event.occurredAt()), Optional.of(event.occurredAt()), event.seq(),
        event.attributes().getOrDefault(ATTR_DETAIL, ""));
  }

  private static GateId gateOf(JournalEvent event) {
    return event.subjects().stream().filter(s -> s.kind().equals(GATE)).findFirst()
        .map(s -> new GateId(s.id()))
        .orElseThrow(() -> new IllegalStateException("gate event " + event.seq() + " names no gate"));
  }

  private static Optional<Location> location(Gate gate) {
    return Optional.of(new Location(gate.position().getX(), gate.position().getY()));
  }
}
