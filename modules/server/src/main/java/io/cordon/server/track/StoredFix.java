package io.cordon.server.track;

import io.cordon.devices.track.ReportedFix;
import java.time.Instant;

/** A fix read back from the positions table, with when the server received it. */
record StoredFix(ReportedFix fix, Instant receivedAt) {}
