package io.cordon.app.alarm;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where an alarm's linked cameras go: the video wall (issue 5); until then a log line. */
@FunctionalInterface
public interface AlarmVideoWall {

  /** Shows {@code cameraIds} (best first) for {@code alarmId}. Called on the FX thread. */
  void showCameras(String alarmId, List<String> cameraIds);

  /** The stand-in until the video wall exists: logs what it would show. */
  AlarmVideoWall LOG_ONLY = new AlarmVideoWall() {
    private final Logger log = LoggerFactory.getLogger(AlarmVideoWall.class);

    @Override
    public void showCameras(String alarmId, List<String> cameraIds) {
      log.info("video wall not connected yet (issue 5): would show {} for alarm {}", cameraIds, alarmId);
    }
  };
}
