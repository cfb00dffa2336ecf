package io.cordon.server.video;

import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.media.relay.MediaRelay;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StreamKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the streams the media relay keeps on standby ({@link StandbyPolicy}) and keeps the relay's
 * standby set in step with the camera streams: recomputed and pushed whenever they are replaced.
 */
public final class StandbyStreams {
  private final StandbyPolicy policy;
  /** Computed once: the park plan does not change while the server runs. */
  private final Set<CameraId> linkable;

  public StandbyStreams(Park park, StandbyPolicy policy) {
    this.policy = policy;
    this.linkable = policy == StandbyPolicy.LINKED ? AlarmLinkableCameras.of(park) : Set.of();
  }

  /** The smallest stream of each chosen camera that has streams. */
  public Set<StreamKey> choose(CameraStreams streams) {
    Set<StreamKey> chosen = new LinkedHashSet<>();
    if (policy == StandbyPolicy.NONE) {
      return chosen;
    }
    for (String cameraId : streams.cameraIds()) {
      List<CameraStream> ofCamera = streams.streams(cameraId);
      if (!ofCamera.isEmpty() && (policy == StandbyPolicy.ALL || linkable.contains(new CameraId(cameraId)))) {
        chosen.add(StreamKey.of(ofCamera.get(0)));
      }
    }
    return chosen;
  }

  /** Pushes the standby set to {@code relay} now and after every {@link CameraStreams#replace}. */
  public void keep(MediaRelay relay, CameraStreams streams) {
    Runnable push = () -> {
      // serialised, and each push reads the streams current at that moment: the last push wins with the latest set
      synchronized (this) {
        relay.setStandby(choose(streams));
      }
    };
    streams.onReplace(push);
    push.run();
  }
}
