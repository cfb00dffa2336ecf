package io.cordon.server.timeline;

import com.google.protobuf.CodedOutputStream;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.VehicleTimelineTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a timeline answer within a byte budget. gRPC clients refuse messages over 4 MiB unless told otherwise, and a
 * timeline of 20,000 entries with 100,000 track points is well over that (TimelineAnswerSizeTest measures it):
 * rather than every client raising its limit to a size no request bound truly guarantees, the server answers what
 * fits and says so. The tracks first give way to at most a quarter of the budget when the entries need the rest
 * (thinned evenly, first and last fix kept, total_points still the true count); then the entries keep the oldest
 * that fit and {@code truncated} is set, as when max_entries cuts the answer.
 */
final class AnswerBudget {

  /** Under gRPC's default 4 MiB inbound limit (4,194,304), with room for a message that grows a little. */
  static final int DEFAULT_MAX_BYTES = 4_000_000;

  private AnswerBudget() {
  }

  /** The timeline itself when it fits in {@code maxBytes} serialized; else thinned tracks and the oldest entries. */
  static Timeline fit(Timeline timeline, int maxBytes) {
    if (timeline.getSerializedSize() <= maxBytes) {
      return timeline;
    }
    Timeline bare = timeline.toBuilder().clearEntries().clearTracks().setTruncated(true).build();
    int room = maxBytes - bare.getSerializedSize();
    long entryBytes = 0;
    for (TimelineEntry entry : timeline.getEntriesList()) {
      entryBytes += CodedOutputStream.computeMessageSize(3, entry);
    }
    long trackRoom = Math.max(room - entryBytes, room / 4);
    List<VehicleTimelineTrack> tracks = thinned(timeline.getTracksList(), trackRoom);
    int left = room;
    for (VehicleTimelineTrack track : tracks) {
      left -= CodedOutputStream.computeMessageSize(4, track);
    }
    Timeline.Builder fitted = bare.toBuilder().addAllTracks(tracks);
    boolean cut = false;
    for (TimelineEntry entry : timeline.getEntriesList()) {
      int size = CodedOutputStream.computeMessageSize(3, entry);
      if (size > left) {
        cut = true;
        break;
      }
      left -= size;
      fitted.addEntries(entry);
    }
    return fitted.setTruncated(timeline.getTruncated() || cut).build();
  }

  /** The tracks thinned by one factor so that together they take at most {@code room} bytes. */
  private static List<VehicleTimelineTrack> thinned(List<VehicleTimelineTrack> tracks, long room) {
    long bytes = 0;
    for (VehicleTimelineTrack track : tracks) {
      bytes += CodedOutputStream.computeMessageSize(4, track);
    }
    if (bytes <= room) {
      return tracks;
    }
    double share = (double) room / bytes * 0.95; // a little under: a track's own fields do not shrink
    List<VehicleTimelineTrack> thinned = new ArrayList<>(tracks.size());
    for (VehicleTimelineTrack track : tracks) {
      int keep = Math.max(2, (int) Math.floor(track.getPointsCount() * share));
      if (keep >= track.getPointsCount()) {
        thinned.add(track);
        continue;
      }
      VehicleTimelineTrack.Builder shorter = track.toBuilder().clearPoints();
      for (int i : Thinning.evenly(track.getPointsCount(), keep)) {
        shorter.addPoints(track.getPoints(i));
      }
      thinned.add(shorter.build());
    }
    return thinned;
  }
}
