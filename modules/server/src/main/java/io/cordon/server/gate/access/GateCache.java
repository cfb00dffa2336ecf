package io.cordon.server.gate.access;

import com.google.protobuf.ByteString;
import io.cordon.api.v1.CachedHolder;
import io.cordon.api.v1.CachedPerson;
import io.cordon.api.v1.CachedVehicle;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.GateOperatingMode;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.devices.gate.agent.GateAgentBackend.CacheUpdate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Each gate's signed offline cache: the permits naming the gate, the blacklist, and the vehicles and
 * people those permits name, as {@link GateCachePayload} chunks of at most {@value #MAX_ENTRIES}
 * entries, each signed with SM2 (SM3withSM2) by the server's key. The version is the journal seq of
 * the latest registration change the index applied; an agent that reconnects with a version gets
 * only what changed since (from the change log kept since start), otherwise — first connection,
 * a version from before this server started or beyond it — a snapshot.
 */
final class GateCache {

  static final int MAX_ENTRIES = 1_000;
  /** Changes remembered for deltas; older versions get a snapshot. */
  static final int MAX_CHANGES = 100_000;

  /** Signs a chunk's payload bytes. */
  interface Signer {
    byte[] sign(byte[] payload);
  }

  /** What one registration event changed: permit ids, blacklist entry ids, holder keys ("V:plate", "P:id"). */
  record Change(Set<String> permits, Set<String> entries, Set<String> holders) {
  }

  private final AccessIndex index;
  private final Signer signer;
  private final Clock clock;
  private final NavigableMap<Long, Change> changes = new ConcurrentSkipListMap<>();
  private volatile long version;
  private volatile long oldest;

  /** @param startVersion the journal seq the index was loaded at */
  GateCache(AccessIndex index, Signer signer, Clock clock, long startVersion) {
    this.index = index;
    this.signer = signer;
    this.clock = clock;
    this.version = startVersion;
    this.oldest = startVersion;
  }

  long version() {
    return version;
  }

  /** The index applied the event {@code seq}; {@code change} is what it touched (may be empty). */
  void changed(long seq, Change change) {
    if (!change.permits().isEmpty() || !change.entries().isEmpty() || !change.holders().isEmpty()) {
      changes.put(seq, change);
      while (changes.size() > MAX_CHANGES) {
        oldest = changes.pollFirstEntry().getKey();
      }
    }
    version = Math.max(version, seq);
  }

  CacheUpdate since(GateId gate, long from, GateOperatingMode mode) {
    long now = version;
    if (from > 0 && from == now) {
      return new CacheUpdate(now, List.of());
    }
    if (from <= 0 || from < oldest || from > now) {
      return snapshot(gate, now, mode);
    }
    List<io.cordon.api.v1.Permit> permits = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<io.cordon.api.v1.BlacklistEntry> blacklist = new ArrayList<>();
    Set<String> holderKeys = new LinkedHashSet<>();
    Set<String> permitIds = new LinkedHashSet<>();
    Set<String> entryIds = new LinkedHashSet<>();
    for (Change c : changes.subMap(from, false, now, true).values()) {
      permitIds.addAll(c.permits());
      entryIds.addAll(c.entries());
      holderKeys.addAll(c.holders());
    }
    for (String id : permitIds) {
      Optional<AccessIndex.IndexedPermit> p = index.permit(id);
      if (p.isPresent() && p.get().permit().gates().contains(gate)) {
        permits.add(p.get().proto());
        named(p.get().permit(), holderKeys);
      } else {
        removed.add(id); // gone, or no longer for this gate; removing what the agent never had is harmless
      }
    }
    entryIds.forEach(id -> index.entryProto(id).ifPresent(blacklist::add));
    List<CachedHolder> holders = holders(holderKeys, gate);
    if (permits.isEmpty() && removed.isEmpty() && blacklist.isEmpty() && holders.isEmpty()) {
      return new CacheUpdate(now, List.of());
    }
    return new CacheUpdate(now, chunks(gate, now, false, mode, permits, removed, blacklist, holders));
  }

  private CacheUpdate snapshot(GateId gate, long now, GateOperatingMode mode) {
    List<io.cordon.api.v1.Permit> permits = new ArrayList<>();
    Set<String> holderKeys = new LinkedHashSet<>();
    for (AccessIndex.IndexedPermit p : index.permitsAt(gate)) {
      permits.add(p.proto());
      named(p.permit(), holderKeys);
    }
    return new CacheUpdate(now, chunks(gate, now, true, mode, permits, List.of(), index.currentBlacklist(),
        holders(holderKeys, gate)));
  }

  private static void named(Permit permit, Set<String> holderKeys) {
    permit.vehicles().keySet().stream().map(Plate::value).sorted().forEach(p -> holderKeys.add("V:" + p));
    permit.people().stream().map(PersonId::value).sorted().forEach(p -> holderKeys.add("P:" + p));
  }

  /** The registered holders behind the keys that some permit of the gate names. */
  private List<CachedHolder> holders(Set<String> keys, GateId gate) {
    List<CachedHolder> list = new ArrayList<>();
    for (String key : keys) {
      String id = key.substring(2);
      if (key.startsWith("V:")) {
        if (index.permitsOfPlate(id).stream().noneMatch(p -> p.gates().contains(gate))) {
          continue;
        }
        index.vehicle(id).ifPresent(v -> list.add(CachedHolder.newBuilder().setVehicle(CachedVehicle.newBuilder()
            .setPlate(v.plate().value()).setVehicleClass(RegistryBodies.toProto(v.vehicleClass()))
            .setOwnerEnterpriseId(v.owner().map(o -> o.value()).orElse("")).setEmergencyService(v.emergencyService()))
            .build()));
      } else if (key.startsWith("P:")) {
        if (index.permitsOfPerson(id).stream().noneMatch(p -> p.gates().contains(gate))) {
          continue;
        }
        index.person(id).ifPresent(p -> list.add(CachedHolder.newBuilder().setPerson(CachedPerson.newBuilder()
            .setPersonId(p.id().value()).setIdNumber(p.idNumber()).setName(p.name())
            .setEnterpriseId(p.enterprise().map(e -> e.value()).orElse(""))).build()));
      }
    }
    return list;
  }

  private List<SignedCacheChunk> chunks(GateId gate, long now, boolean snapshot, GateOperatingMode mode,
      List<io.cordon.api.v1.Permit> permits, List<String> removed, List<io.cordon.api.v1.BlacklistEntry> blacklist,
      List<CachedHolder> holders) {
    List<SignedCacheChunk> chunks = new ArrayList<>();
    GateCachePayload.Builder chunk = newChunk(gate, now, snapshot, mode);
    int size = 0;
    List<Object> all = new ArrayList<>(permits.size() + removed.size() + blacklist.size() + holders.size());
    all.addAll(permits);
    all.addAll(removed);
    all.addAll(blacklist);
    all.addAll(holders);
    for (Object entry : all) {
      if (size == MAX_ENTRIES) {
        chunks.add(sign(chunk.build()));
        chunk = newChunk(gate, now, false, mode);
        size = 0;
      }
      if (entry instanceof io.cordon.api.v1.Permit p) {
        chunk.addPermits(p);
      } else if (entry instanceof String id) {
        chunk.addRemovedPermitIds(id);
      } else if (entry instanceof io.cordon.api.v1.BlacklistEntry e) {
        chunk.addBlacklist(e);
      } else {
        chunk.addHolders((CachedHolder) entry);
      }
      size++;
    }
    chunks.add(sign(chunk.setLast(true).build()));
    return chunks;
  }

  private GateCachePayload.Builder newChunk(GateId gate, long now, boolean snapshot, GateOperatingMode mode) {
    return GateCachePayload.newBuilder().setGateId(gate.value()).setVersion(now).setSnapshot(snapshot).setMode(mode)
        .setSignedAt(AccessStore.ts(clock.instant()));
  }

  private SignedCacheChunk sign(GateCachePayload payload) {
    byte[] bytes = payload.toByteArray();
    return SignedCacheChunk.newBuilder().setPayload(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(signer.sign(bytes))).build();
  }

  /** For tests: the change log's size. */
  int changeCount() {
    return changes.size();
  }

  Map<Long, Change> changesView() {
    return changes;
  }
}
