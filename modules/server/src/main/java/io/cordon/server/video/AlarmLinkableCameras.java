package io.cordon.server.video;

import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.alarm.AlarmPlaces;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Sensor;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The cameras an alarm can bring into the wall: those the alarm center links to an alarm at a sensor or at
 * a gate. Asks the same {@link AlarmPlaces} the alarm center places alarms with, so both agree on range,
 * field of view and the cap of linked cameras per alarm.
 */
final class AlarmLinkableCameras {
  private AlarmLinkableCameras() {}

  static Set<CameraId> of(Park park) {
    AlarmPlaces places = AlarmPlaces.of(park);
    Set<CameraId> linkable = new LinkedHashSet<>();
    for (Sensor sensor : park.sensors()) {
      AlarmLocation at = places.locate(sensor.position().getX(), sensor.position().getY(),
          Optional.of(sensor.segmentId()), Optional.empty(), Optional.empty());
      linkable.addAll(places.camerasCovering(at));
    }
    for (Gate gate : park.gates()) {
      AlarmLocation at = places.locate(gate.position().getX(), gate.position().getY(), Optional.empty(),
          Optional.of(gate.id()), Optional.empty());
      linkable.addAll(places.camerasCovering(at));
    }
    return linkable;
  }
}
