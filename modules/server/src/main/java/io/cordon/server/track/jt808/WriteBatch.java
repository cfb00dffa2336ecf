package io.cordon.server.track.jt808;

import io.cordon.server.track.LiveFix;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one lane made of one terminal message (or of one clock tick): rows to commit, what the live
 * view shows once they are, and what to publish after (alarms, journal). {@code done} completes
 * after the commit; the terminal is acknowledged then.
 *
 * @param afterCommit runs on the committer thread after the commit, in order (hands events to the
 *     publisher, retags live vehicles); null for none
 * @param onFailure runs on the committer thread when the commit failed, before {@code done} fails
 *     (the lane takes the fix times back); null for none
 */
record WriteBatch(List<StoredPosition> rows, List<LiveFix> live, Runnable afterCommit, Runnable onFailure,
    CompletableFuture<Void> done) {
}
