package io.cordon.server.incident;

import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentClips;
import io.cordon.api.v1.Timeline;

/**
 * Exports an incident's video: the window's recording of the cameras linked to its alarms and timeline, one file
 * per camera with a download URL, each file's hash recorded in the journal ({@code incident.clips_exported} about
 * {@code incident/<id>}). Lives beside the recordings, apart from the incident book, as the report desk does.
 */
public interface IncidentClipDesk {

  /**
   * @param timeline the incident's timeline (its cameras are exported too)
   * @param user who asks: the journal names them and the URLs' tickets are theirs
   * @throws io.cordon.server.timeline.RequestRefusal FAILED_PRECONDITION when the incident's window is empty
   */
  IncidentClips export(Incident incident, Timeline timeline, String user);
}
