package io.cordon.devices.gate.agent;

import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.BarrierReport;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.Decision;
import io.cordon.api.v1.DeviceFault;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.LoopPassage;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.domain.park.GateId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the server does with the messages of a gate agent ({@link GateAgentGrpcService} checked
 * their syntax and that their lanes are the session's). Calls for one session come one at a time,
 * in the agent's order. A method may throw {@link AgentRefusal} to answer the message with an
 * {@code AgentError} naming the field; any other exception becomes an INTERNAL/UNAVAILABLE error
 * for that message, and the stream stays open.
 */
public interface GateAgentBackend {

  /** A session started (its Hello was accepted); it replaced {@code replaced} if that is not null. */
  void connected(AgentSession session, AgentSession replaced);

  /** A session ended (the agent left, the stream broke, or a newer session replaced it). */
  void disconnected(AgentSession session);

  /**
   * Decides an identification now, in memory; the access record it makes is committed right after
   * (the decision must not wait for the disk).
   */
  Decision decide(AgentSession session, Identification identification);

  /**
   * An identification whose credential cannot be read (a malformed plate or ID number): the lane's
   * LED must still say something, so it is refused with rule {@code MALFORMED_CREDENTIAL} and
   * recorded like any other denial.
   *
   * @param field the offending field, e.g. {@code identification.plate.plate}
   */
  Decision refuseMalformed(AgentSession session, Identification identification, String field, String problem);

  /** A lane's barrier state; completes with the journal seq that recorded it (0 when nothing new). */
  CompletableFuture<Long> barrier(AgentSession session, BarrierReport report);

  /** A loop-detector passage; completes with the journal seq that recorded it. */
  CompletableFuture<Long> passage(AgentSession session, LoopPassage passage);

  /** A device fault or its end; completes with the journal seq that recorded it. */
  CompletableFuture<Long> fault(AgentSession session, DeviceFault fault);

  /**
   * Records decided offline, already checked: stores each record id once (a record stored before is
   * a duplicate, neither stored nor counted again).
   */
  CompletableFuture<UploadResult> upload(AgentSession session, AccessRecordBatch batch);

  /** The agent carried out (or could not carry out) a barrier command. */
  CompletableFuture<Long> commandResult(AgentSession session, CommandResult result);

  /** The agent applied its cache up to {@code version}. */
  void cacheAck(AgentSession session, long version);

  /**
   * The gate's cache changes after {@code version} (a snapshot when {@code version} is 0, too old or
   * unknown), as signed chunks, and the version they bring the agent to. No chunks when nothing
   * changed.
   */
  CacheUpdate cacheSince(GateId gate, long version);

  /** The gate's operating mode now. */
  GateOperatingMode mode(GateId gate);

  /** The SM2 public key (X.509 DER) that verifies every cache chunk. */
  byte[] cacheSigningKey();

  /** What an upload stored: the highest journal seq it wrote (0 if none), new records, duplicates. */
  record UploadResult(long seq, int accepted, int duplicates) {
  }

  /** Cache chunks for one gate and the cache version after them. */
  record CacheUpdate(long version, List<SignedCacheChunk> chunks) {
    public CacheUpdate {
      chunks = List.copyOf(chunks);
    }
  }
}
