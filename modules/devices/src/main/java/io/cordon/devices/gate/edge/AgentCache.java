package io.cordon.devices.gate.edge;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.devices.gate.cache.CacheVerifier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's signed cache. Every chunk is verified against the pinned SM2 key before anything of
 * it is used; the chunks of one snapshot or update are held until the last one arrives and then
 * applied together, so a forged chunk in the middle discards its whole unit. The chunks are kept on
 * disk exactly as received ({@code chunks.bin}, length-delimited {@link SignedCacheChunk}s), so a
 * restart verifies them again: one bad signature in the file and the whole file is refused (moved
 * aside) and the agent starts from an empty cache (version 0, the server then sends a snapshot).
 *
 * <p>The key pinned is the one given at install, else the first one a Welcome carries (kept in
 * {@code signing-key.der}); a Welcome with another key is refused. Not thread-safe: the agent calls
 * it from its own thread; {@link #index()} may be read from any thread.
 */
public final class AgentCache {

  private static final Logger log = LoggerFactory.getLogger(AgentCache.class);
  static final String CHUNKS = "chunks.bin";
  static final String KEY = "signing-key.der";

  private final String gateId;
  private final Path dir;
  private CacheVerifier verifier;
  private volatile CacheIndex index = new CacheIndex();
  private final AtomicLong refused = new AtomicLong();
  // the unit being received: its chunks (to persist) and the index it builds
  private final List<SignedCacheChunk> staged = new ArrayList<>();
  private CacheIndex building;
  private boolean buildingSnapshot;
  private boolean loading;

  /**
   * @param installedKey the X.509 DER key the agent was installed with; empty: trust the first one seen
   */
  public AgentCache(String gateId, Path dir, Optional<byte[]> installedKey) {
    this.gateId = gateId;
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      if (installedKey.isPresent()) {
        verifier = CacheVerifier.forEncodedKey(installedKey.get());
      } else if (Files.exists(dir.resolve(KEY))) {
        verifier = CacheVerifier.forEncodedKey(Files.readAllBytes(dir.resolve(KEY)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent's cache directory " + dir, e);
    }
    load();
  }

  /** The current cache; never changes once returned (a new one replaces it). */
  public CacheIndex index() {
    return index;
  }

  public long version() {
    return index.version();
  }

  /** Chunks refused so far (forged, malformed, other gate, stale), and a refused file at start. */
  public long refusedChunks() {
    return refused.get();
  }

  /** The pinned key (X.509 DER), if any. */
  public Optional<byte[]> pinnedKey() {
    return verifier == null ? Optional.empty() : Optional.of(verifier.encodedKey());
  }

  /**
   * The key a Welcome announced: pins it when none is pinned yet; false (and logged) when another
   * key is pinned or the bytes are not an SM2 key — the agent then refuses every chunk.
   */
  public boolean offerKey(byte[] der) {
    if (verifier != null) {
      if (verifier.usesKey(der)) {
        return true;
      }
      log.error("Gate {}: the server announced a cache signing key that is not the pinned one; "
          + "refusing its cache", gateId);
      return false;
    }
    try {
      CacheVerifier fresh = CacheVerifier.forEncodedKey(der);
      Path tmp = dir.resolve(KEY + ".tmp");
      Files.write(tmp, der);
      Files.move(tmp, dir.resolve(KEY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      verifier = fresh;
      log.info("Gate {}: pinned the server's cache signing key", gateId);
      return true;
    } catch (IllegalArgumentException e) {
      log.error("Gate {}: the server's cache signing key is not an SM2 key: {}", gateId, e.getMessage());
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the pinned key in " + dir, e);
    }
  }

  /** Verifies and stages or applies one chunk. */
  public ChunkOutcome offer(SignedCacheChunk chunk) {
    ChunkOutcome outcome = accept(chunk);
    if (outcome.refused()) {
      refused.incrementAndGet();
      discardUnit();
      log.warn("Gate {}: refused a cache chunk ({}); nothing of its snapshot or update is used", gateId, outcome);
    }
    return outcome;
  }

  private ChunkOutcome accept(SignedCacheChunk chunk) {
    if (verifier == null) {
      return ChunkOutcome.REFUSED_NO_KEY;
    }
    if (!verifier.verify(chunk.getPayload().toByteArray(), chunk.getSignature().toByteArray())) {
      return ChunkOutcome.REFUSED_SIGNATURE;
    }
    GateCachePayload payload;
    try {
      payload = GateCachePayload.parseFrom(chunk.getPayload());
    } catch (InvalidProtocolBufferException e) {
      return ChunkOutcome.REFUSED_MALFORMED;
    }
    if (!gateId.equals(payload.getGateId())) {
      return ChunkOutcome.REFUSED_OTHER_GATE;
    }
    if (payload.getSnapshot()) {
      staged.clear();
      building = new CacheIndex();
      buildingSnapshot = true;
    } else if (building == null) {
      if (payload.getVersion() <= index.version()) {
        return ChunkOutcome.REFUSED_STALE;
      }
      building = index.copy();
      buildingSnapshot = false;
    } else if (payload.getVersion() < building.version()) {
      return ChunkOutcome.REFUSED_STALE;
    }
    building.apply(payload);
    staged.add(chunk);
    if (!payload.getLast()) {
      return ChunkOutcome.STAGED;
    }
    if (!loading) {
      persist(staged, buildingSnapshot);
    }
    index = building;
    staged.clear();
    building = null;
    return ChunkOutcome.APPLIED;
  }

  private void discardUnit() {
    staged.clear();
    building = null;
  }

  private void persist(List<SignedCacheChunk> chunks, boolean snapshot) {
    Path file = dir.resolve(CHUNKS);
    try {
      if (snapshot) {
        Path tmp = dir.resolve(CHUNKS + ".tmp");
        write(tmp, chunks, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        write(file, chunks, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      // the cache still works from memory; the next snapshot rewrites the file
      log.error("Gate {}: cannot persist the cache to {}: {}", gateId, file, e.toString());
    }
  }

  private static void write(Path file, List<SignedCacheChunk> chunks, StandardOpenOption... options)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, with(options, StandardOpenOption.WRITE));
         OutputStream out = Channels.newOutputStream(channel)) {
      for (SignedCacheChunk c : chunks) {
        c.writeDelimitedTo(out);
      }
      out.flush();
      channel.force(false);
    }
  }

  private static StandardOpenOption[] with(StandardOpenOption[] options, StandardOpenOption extra) {
    StandardOpenOption[] all = java.util.Arrays.copyOf(options, options.length + 1);
    all[options.length] = extra;
    return all;
  }

  /** Reads the persisted chunks back, verifying every one; a file with a bad chunk is refused whole. */
  private void load() {
    Path file = dir.resolve(CHUNKS);
    if (!Files.exists(file)) {
      return;
    }
    List<SignedCacheChunk> chunks = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      SignedCacheChunk c;
      while ((c = SignedCacheChunk.parseDelimitedFrom(in)) != null) {
        chunks.add(c);
      }
    } catch (IOException e) {
      refuseFile(file, "unreadable (" + e.getMessage() + ")");
      return;
    }
    loading = true;
    try {
      for (SignedCacheChunk c : chunks) {
        ChunkOutcome outcome = accept(c);
        if (outcome.refused()) {
          discardUnit();
          index = new CacheIndex();
          refuseFile(file, outcome.name());
          return;
        }
      }
    } finally {
      loading = false;
    }
    discardUnit(); // a unit cut short by a crash is not used
    log.info("Gate {}: cache version {} restored from {} ({} permits)", gateId, index.version(), file,
        index.permitCount());
  }

  private void refuseFile(Path file, String why) {
    refused.incrementAndGet();
    log.error("Gate {}: the persisted cache {} is refused ({}); starting from an empty cache", gateId, file, why);
    try {
      Files.move(file, dir.resolve(CHUNKS + ".refused"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      log.error("Gate {}: cannot move the refused cache aside: {}", gateId, e.toString());
    }
  }
}
