package io.cordon.devices.gate.edge;

import static io.cordon.devices.gate.edge.EdgeFixtures.GATE;
import static io.cordon.devices.gate.edge.EdgeFixtures.sign;
import static io.cordon.devices.gate.edge.EdgeFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.devices.gate.cache.CacheSigner;
import io.cordon.devices.gate.cache.Sm2Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCacheTest {

  private static final KeyPair SERVER = Sm2Keys.generate();
  private static final CacheSigner SIGNER = new CacheSigner(SERVER);
  private static final CacheSigner INTRUDER = new CacheSigner(Sm2Keys.generate());

  @TempDir
  Path dir;

  private AgentCache pinned() {
    AgentCache cache = new AgentCache(GATE, dir, Optional.empty());
    assertThat(cache.offerKey(SIGNER.encodedPublicKey())).isTrue();
    return cache;
  }

  private static GateCachePayload update(long version, String permitId) {
    return GateCachePayload.newBuilder().setGateId(GATE).setVersion(version).setLast(true)
        .addPermits(EdgeFixtures.vehiclePermit(permitId, "苏E77777", "L1")).build();
  }

  @Test
  void aSignedSnapshotBecomesTheCache() {
    AgentCache cache = pinned();
    assertThat(cache.offer(sign(SIGNER, snapshot(5)))).isEqualTo(ChunkOutcome.APPLIED);
    assertThat(cache.version()).isEqualTo(5);
    assertThat(cache.index().permitCount()).isEqualTo(3);
  }

  @Test
  void aChunkWithAFlippedPayloadByteIsRefusedAndTheCacheIsUnchanged() {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    SignedCacheChunk good = sign(SIGNER, update(6, "PM-9"));
    byte[] payload = good.getPayload().toByteArray();
    payload[payload.length - 3] ^= 0x01;
    SignedCacheChunk forged = good.toBuilder().setPayload(ByteString.copyFrom(payload)).build();

    assertThat(cache.offer(forged)).isEqualTo(ChunkOutcome.REFUSED_SIGNATURE);
    assertThat(cache.version()).isEqualTo(5);
    assertThat(cache.index().permitCount()).isEqualTo(3);
    assertThat(cache.refusedChunks()).isEqualTo(1);
  }

  @Test
  void aChunkSignedByAnotherKeyIsRefusedAndTheCacheIsUnchanged() {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    assertThat(cache.offer(sign(INTRUDER, update(6, "PM-9")))).isEqualTo(ChunkOutcome.REFUSED_SIGNATURE);
    assertThat(cache.index().permit("PM-9")).isEmpty();
    assertThat(cache.version()).isEqualTo(5);
  }

  @Test
  void aForgedChunkInTheMiddleOfASnapshotDiscardsTheWholeSnapshot() {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    GateCachePayload first = snapshot(9).toBuilder().setLast(false).build();
    GateCachePayload second = update(9, "PM-9");
    assertThat(cache.offer(sign(SIGNER, first))).isEqualTo(ChunkOutcome.STAGED);
    assertThat(cache.offer(sign(INTRUDER, second))).isEqualTo(ChunkOutcome.REFUSED_SIGNATURE);
    assertThat(cache.version()).isEqualTo(5);
    assertThat(cache.index().permit("PM-9")).isEmpty();
  }

  @Test
  void aWelcomeWithAnotherKeyThanThePinnedOneIsRefused() {
    AgentCache cache = pinned();
    assertThat(cache.offerKey(INTRUDER.encodedPublicKey())).isFalse();
    assertThat(cache.offer(sign(INTRUDER, snapshot(5)))).isEqualTo(ChunkOutcome.REFUSED_SIGNATURE);
  }

  @Test
  void anInstalledKeyIsPinnedBeforeAnyWelcome() {
    AgentCache cache = new AgentCache(GATE, dir, Optional.of(SIGNER.encodedPublicKey()));
    assertThat(cache.offerKey(INTRUDER.encodedPublicKey())).isFalse();
    assertThat(cache.offer(sign(SIGNER, snapshot(5)))).isEqualTo(ChunkOutcome.APPLIED);
  }

  @Test
  void chunksAreRefusedWhileNoKeyIsPinned() {
    AgentCache cache = new AgentCache(GATE, dir, Optional.empty());
    assertThat(cache.offer(sign(SIGNER, snapshot(5)))).isEqualTo(ChunkOutcome.REFUSED_NO_KEY);
  }

  @Test
  void aChunkForAnotherGateIsRefused() {
    AgentCache cache = pinned();
    assertThat(cache.offer(sign(SIGNER, snapshot(5).toBuilder().setGateId("G2").build())))
        .isEqualTo(ChunkOutcome.REFUSED_OTHER_GATE);
  }

  @Test
  void aReplayedOlderUpdateIsRefused() {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    SignedCacheChunk six = sign(SIGNER, update(6, "PM-9"));
    assertThat(cache.offer(six)).isEqualTo(ChunkOutcome.APPLIED);
    assertThat(cache.offer(six)).isEqualTo(ChunkOutcome.REFUSED_STALE);
  }

  @Test
  void aRestartReverifiesAndRestoresThePersistedCache() {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    cache.offer(sign(SIGNER, update(6, "PM-9")));

    AgentCache restarted = new AgentCache(GATE, dir, Optional.empty());
    assertThat(restarted.version()).isEqualTo(6);
    assertThat(restarted.index().permit("PM-9")).isPresent();
    assertThat(restarted.refusedChunks()).isZero();
  }

  @Test
  void aTamperedCacheFileIsRefusedAtRestart() throws IOException {
    AgentCache cache = pinned();
    cache.offer(sign(SIGNER, snapshot(5)));
    Path file = dir.resolve(AgentCache.CHUNKS);
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, "PM-2".getBytes());
    bytes[at + 3] = '7'; // PM-2 → PM-7: same length, so the file still parses
    Files.write(file, bytes);

    AgentCache restarted = new AgentCache(GATE, dir, Optional.empty());
    assertThat(restarted.version()).isZero();
    assertThat(restarted.index().permitCount()).isZero();
    assertThat(restarted.refusedChunks()).isEqualTo(1);
    assertThat(dir.resolve(AgentCache.CHUNKS + ".refused")).exists();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
