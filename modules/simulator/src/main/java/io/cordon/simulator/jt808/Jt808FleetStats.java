package io.cordon.simulator.jt808;

/**
 * What a fleet has done so far (a snapshot).
 *
 * @param connected terminals with an open connection now
 * @param authenticated terminals authenticated on their current connection now
 * @param fixesGenerated fixes the terminals took (each is reported once, live or later)
 * @param liveReportsSent 0x0200 frames written (retries included)
 * @param blindAreaFixesSent fixes written in 0x0704 blind-area batches (retries included)
 * @param fixesAcknowledged fixes the server answered with 0x8001 OK
 * @param retries reports sent again (refused, unanswered or cut off by a lost connection)
 * @param fixesDropped fixes given up because a terminal's offline buffer was full
 * @param terminalsIssued IssueTerminal calls that succeeded
 * @param terminalsReturned ReturnTerminal calls that succeeded
 * @param bindingFailures IssueTerminal or ReturnTerminal calls that failed
 */
public record Jt808FleetStats(int connected, int authenticated, long fixesGenerated, long liveReportsSent,
    long blindAreaFixesSent, long fixesAcknowledged, long retries, long fixesDropped, long terminalsIssued,
    long terminalsReturned, long bindingFailures) {

  /** Fixes taken but not yet acknowledged (or dropped). */
  public long outstanding() {
    return fixesGenerated - fixesAcknowledged - fixesDropped;
  }
}
