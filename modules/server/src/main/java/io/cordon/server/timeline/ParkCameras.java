package io.cordon.server.timeline;

import io.cordon.domain.alarm.AlarmPlaces;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cameras of the park plan that show a gate (those the alarm center would link to an alarm at it, so
 * the two agree) or stand in a zone. Computed once: the plan does not change while the server runs.
 */
final class ParkCameras {

  private final Map<String, List<String>> byGate = new HashMap<>();
  private final Map<String, List<String>> byZone = new HashMap<>();

  ParkCameras(Park park) {
    AlarmPlaces places = AlarmPlaces.of(park);
    for (Gate gate : park.gates()) {
      byGate.put(gate.id().value(), places.camerasCovering(places.locate(gate.position().getX(),
          gate.position().getY(), Optional.empty(), Optional.of(gate.id()), Optional.empty()))
          .stream().map(CameraId::value).toList());
    }
    for (ControlZone zone : park.zones()) {
      byZone.put(zone.id().value(), park.cameras().stream().filter(c -> zone.area().covers(c.position()))
          .map(Camera::id).map(CameraId::value).toList());
    }
  }

  List<String> ofGate(String gateId) {
    return byGate.getOrDefault(gateId, List.of());
  }

  List<String> ofZone(String zoneId) {
    return byZone.getOrDefault(zoneId, List.of());
  }
}
