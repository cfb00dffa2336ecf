package io.cordon.media.source;

import java.util.List;
import java.util.Set;

/** What a {@link CameraListFile} says: the streams a relay serves and which of them it keeps on standby. */
public record CameraList(List<CameraStream> streams, Set<StreamKey> standby) {
  public CameraList {
    streams = List.copyOf(streams);
    standby = Set.copyOf(standby);
  }
}
