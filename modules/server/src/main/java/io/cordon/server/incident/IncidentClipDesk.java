package io.cordon.server.incident;

import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.Timeline;
import java.util.Optional;

/**
 * Exports an incident's video: the window's recording of the cameras linked to its alarms and timeline, one file
 * per camera with a download URL, each file's hash recorded in the journal ({@code incident.clips_exported} about
 * {@code incident/<id>}). Lives beside the recordings, apart from the incident book, as the report desk does.
 */
public interface IncidentClipDesk {

  /**
   * @param timeline the incident's timeline (its cameras are exported too)
   * @param user who asks: the journal names them and the URLs' tickets are theirs
   * @param requestId the caller's request id (valid): a repeat by the same user answers the first export again
   * @throws io.cordon.server.timeline.RequestRefusal FAILED_PRECONDITION when the incident's window is empty,
   *     INVALID_ARGUMENT naming request_id when it exported another incident, UNAVAILABLE when a clip could not be
   *     written (nothing exported)
   */
  IncidentClips export(Incident incident, Timeline timeline, String user, Optional<String> requestId);
}
