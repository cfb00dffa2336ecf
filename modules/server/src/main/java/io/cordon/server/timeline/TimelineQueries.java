package io.cordon.server.timeline;

import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineRequest;

/**
 * Timelines assembled from the journal and the stored positions, for the gRPC service and for other server
 * parts (incident reports, statistics) in the same process. Requests are validated as the service does.
 */
public interface TimelineQueries {

  Timeline timeline(TimelineRequest request);

  PositionsAt positionsAt(PositionsAtRequest request);
}
