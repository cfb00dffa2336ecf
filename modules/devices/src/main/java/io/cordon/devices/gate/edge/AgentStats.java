package io.cordon.devices.gate.edge;

/**
 * What a gate agent has done so far.
 *
 * @param uploadedAccepted records the server stored new from the agent's uploads
 * @param uploadedDuplicates records the server had already (a batch resent after a lost ack)
 */
public record AgentStats(boolean online, long cacheVersion, long refusedChunks, long onlineDecisions,
    long offlineDecisions, int queued, long uploadedAccepted, long uploadedDuplicates, long commandsDone) {
}
