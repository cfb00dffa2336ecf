package io.cordon.server.track.trip;

import io.cordon.domain.park.Gate;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal events of trips. Subjects: the vehicle ("vehicle", plate) first, as gate access
 * events name it, so a vehicle's timeline and its replay find them by one subject; then the
 * terminal, the trip, the permit and the gate.
 */
final class TripEvents {

  static final String TERMINAL_ISSUED = "track.terminal_issued";
  static final String TERMINAL_RETURNED = "track.terminal_returned";
  static final String OWN_TERMINAL_SAVED = "track.own_terminal_saved";
  static final String OWN_TERMINAL_REMOVED = "track.own_terminal_removed";
  /** An own terminal's trip opened because its vehicle holds a valid permit now. */
  static final String TRIP_OPENED = "track.trip_opened";
  /** An own terminal's trip closed because its permit ended, was revoked, or the terminal was removed. */
  static final String TRIP_CLOSED = "track.trip_closed";
  static final String LOADING_POINT_FREE = "track.loading_point_free";

  private TripEvents() {
  }

  static NewEvent issued(StoredTrip t, Gate gate) {
    return event(TERMINAL_ISSUED, t, t.openedAt(), Optional.of(gate), t.openedBy(),
        "发放定位终端 " + t.terminalNumber() + " 给 " + t.plate().value() + " @ " + gate.id().value());
  }

  static NewEvent returned(StoredTrip t, Gate gate) {
    return event(TERMINAL_RETURNED, t, t.closedAt().orElseThrow(), Optional.of(gate), t.closedBy(),
        "回收定位终端 " + t.terminalNumber() + "（" + t.plate().value() + "）@ " + gate.id().value());
  }

  static NewEvent ownTripOpened(StoredTrip t) {
    return event(TRIP_OPENED, t, t.openedAt(), Optional.empty(), t.openedBy(),
        "自带终端 " + t.terminalNumber() + " 的行程随通行证 " + t.permitId() + " 开始：" + t.plate().value());
  }

  static NewEvent ownTripClosed(StoredTrip t, String why) {
    return event(TRIP_CLOSED, t, t.closedAt().orElseThrow(), Optional.empty(), t.closedBy(),
        "自带终端 " + t.terminalNumber() + " 的行程结束（" + why + "）：" + t.plate().value());
  }

  static NewEvent ownSaved(OwnTerminal own, boolean removed, Instant at, String by) {
    List<SubjectKey> subjects = List.of(new SubjectKey("vehicle", own.plate().value()),
        new SubjectKey("terminal", own.terminalNumber()));
    Map<String, String> a = new LinkedHashMap<>();
    a.put("terminal_number", own.terminalNumber());
    a.put("plate", own.plate().value());
    a.put("plate_color", own.plateColor().name());
    a.put("vehicle_class", own.vehicleClass().name());
    a.put("by", by);
    return new NewEvent(at, removed ? OWN_TERMINAL_REMOVED : OWN_TERMINAL_SAVED, subjects, Optional.empty(),
        (removed ? "解除自带终端 " : "登记自带终端 ") + own.terminalNumber() + "：" + own.plate().value(), a);
  }

  static NewEvent loadingPointFree(String lotId, String enterpriseId, String loadingPoint, Instant at, String by) {
    List<SubjectKey> subjects = List.of(new SubjectKey("parking_lot", lotId),
        new SubjectKey("enterprise", enterpriseId));
    Map<String, String> a = new LinkedHashMap<>();
    a.put("lot_id", lotId);
    a.put("enterprise_id", enterpriseId);
    a.put("loading_point", loadingPoint);
    a.put("by", by);
    return new NewEvent(at, LOADING_POINT_FREE, subjects, Optional.empty(),
        "装卸点空闲：" + enterpriseId + "/" + loadingPoint, a);
  }

  private static NewEvent event(String type, StoredTrip t, Instant at, Optional<Gate> gate, String by,
      String summary) {
    List<SubjectKey> subjects = new ArrayList<>();
    subjects.add(new SubjectKey("vehicle", t.plate().value()));
    subjects.add(new SubjectKey("terminal", t.terminalNumber()));
    subjects.add(new SubjectKey("trip", t.tripId()));
    if (!t.permitId().isEmpty()) {
      subjects.add(new SubjectKey("permit", t.permitId()));
    }
    gate.ifPresent(g -> subjects.add(new SubjectKey("gate", g.id().value())));
    Map<String, String> a = new LinkedHashMap<>();
    a.put("trip_id", t.tripId());
    a.put("terminal_number", t.terminalNumber());
    a.put("plate", t.plate().value());
    a.put("vehicle_class", t.vehicleClass().name());
    a.put("own_terminal", Boolean.toString(t.ownTerminal()));
    if (!t.permitId().isEmpty()) {
      a.put("permit_id", t.permitId());
    }
    gate.ifPresent(g -> a.put("gate_id", g.id().value()));
    if (!by.isEmpty()) {
      a.put("by", by);
    }
    return new NewEvent(at, type, subjects,
        gate.map(g -> new Location(g.position().getX(), g.position().getY())), summary, a);
  }
}
