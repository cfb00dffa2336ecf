package io.cordon.devices.track;

/**
 * What a {@link PositionSink} committed for a batch.
 *
 * @param accepted fixes recorded under the batch's request id (for a repeat, as recorded the first time)
 * @param duplicate the request id had been recorded before and nothing new was stored
 */
public record BatchReceipt(int accepted, boolean duplicate) {}
