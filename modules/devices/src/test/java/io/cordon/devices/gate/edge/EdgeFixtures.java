package io.cordon.devices.gate.edge;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.BlacklistSubject;
import io.cordon.api.v1.CachedHolder;
import io.cordon.api.v1.CachedPerson;
import io.cordon.api.v1.CachedVehicle;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.FaceMatch;
import io.cordon.api.v1.GateCachePayload;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.PermitVehicle;
import io.cordon.api.v1.PlateRead;
import io.cordon.api.v1.SignedCacheChunk;
import io.cordon.api.v1.SubjectKind;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.VehicleClass;
import io.cordon.devices.gate.cache.CacheSigner;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.LaneDirection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** A comprehensive gate G1 and cache payloads for it. */
final class EdgeFixtures {

  static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z"); // 09:00 in Shanghai
  static final String GATE = "G1";
  static final String STAFF_PLATE = "苏E12345";
  static final String BANNED_PLATE = "苏E66666";
  static final String STAFF_PERSON = "P-0001";

  private EdgeFixtures() {}

  static Gate gate() {
    return new Gate(new GateId(GATE), "东门", GateType.COMPREHENSIVE,
        new GeometryFactory().createPoint(new Coordinate(120.0, 31.0)),
        List.of(new Lane("P1", LaneClass.PEDESTRIAN, LaneDirection.BOTH),
            new Lane("L1", LaneClass.ORDINARY, LaneDirection.ENTRY),
            new Lane("L2", LaneClass.ORDINARY, LaneDirection.EXIT),
            new Lane("H1", LaneClass.HAZMAT, LaneDirection.BOTH)),
        false);
  }

  static Timestamp ts(Instant i) {
    return EdgeProtos.timestamp(i);
  }

  static Permit vehiclePermit(String id, String plate, String... lanes) {
    PermitScope.Builder scope = PermitScope.newBuilder();
    for (String lane : lanes) {
      scope.addLanes(LaneRef.newBuilder().setGateId(GATE).setLaneId(lane));
    }
    return Permit.newBuilder().setPermitId(id).setApplicationId(id)
        .addVehicles(PermitVehicle.newBuilder().setPlate(plate).setVehicleClass(VehicleClass.VEHICLE_CLASS_COMMUTER))
        .setHostEnterpriseId("E1").setScope(scope)
        .setWindow(TimeWindow.newBuilder().setFrom(ts(NOW.minus(Duration.ofDays(1))))
            .setUntil(ts(NOW.plus(Duration.ofDays(30)))))
        .setIssuedAt(ts(NOW.minus(Duration.ofDays(1)))).setIssuedBy("safety").build();
  }

  static Permit personPermit(String id, String person, String... lanes) {
    PermitScope.Builder scope = PermitScope.newBuilder();
    for (String lane : lanes) {
      scope.addLanes(LaneRef.newBuilder().setGateId(GATE).setLaneId(lane));
    }
    return Permit.newBuilder().setPermitId(id).setApplicationId(id).addPersonIds(person)
        .setHostEnterpriseId("E1").setScope(scope)
        .setWindow(TimeWindow.newBuilder().setFrom(ts(NOW.minus(Duration.ofDays(1))))
            .setUntil(ts(NOW.plus(Duration.ofDays(30)))))
        .setIssuedAt(ts(NOW.minus(Duration.ofDays(1)))).setIssuedBy("safety").build();
  }

  static CachedHolder vehicle(String plate) {
    return CachedHolder.newBuilder().setVehicle(CachedVehicle.newBuilder().setPlate(plate)
        .setVehicleClass(VehicleClass.VEHICLE_CLASS_COMMUTER).setOwnerEnterpriseId("E1")).build();
  }

  static CachedHolder person(String id, String name) {
    return CachedHolder.newBuilder().setPerson(CachedPerson.newBuilder().setPersonId(id).setName(name)
        .setIdNumber("32050219900101123X").setEnterpriseId("E1")).build();
  }

  static io.cordon.api.v1.BlacklistEntry banned(String plate) {
    return io.cordon.api.v1.BlacklistEntry.newBuilder().setEntryId("BL-1")
        .setSubject(BlacklistSubject.newBuilder().setKind(SubjectKind.SUBJECT_KIND_VEHICLE).setId(plate))
        .setReason("speeding with dangerous goods").setFrom(ts(NOW.minus(Duration.ofDays(2)))).setActive(true).build();
  }

  /** A full snapshot: a staff car with a permit for L1/L2, a staff member on foot, a banned car with a permit. */
  static GateCachePayload snapshot(long version) {
    return GateCachePayload.newBuilder().setGateId(GATE).setVersion(version).setSnapshot(true).setLast(true)
        .addPermits(vehiclePermit("PM-1", STAFF_PLATE, "L1", "L2"))
        .addPermits(vehiclePermit("PM-2", BANNED_PLATE, "L1", "L2"))
        .addPermits(personPermit("PM-3", STAFF_PERSON, "P1"))
        .addBlacklist(banned(BANNED_PLATE))
        .addHolders(vehicle(STAFF_PLATE)).addHolders(vehicle(BANNED_PLATE)).addHolders(person(STAFF_PERSON, "张三"))
        .setSignedAt(ts(NOW)).build();
  }

  static SignedCacheChunk sign(CacheSigner signer, GateCachePayload payload) {
    byte[] bytes = payload.toByteArray();
    return SignedCacheChunk.newBuilder().setPayload(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(signer.sign(bytes))).build();
  }

  static Identification plate(String requestId, String lane, Direction direction, String plate, Instant at) {
    return Identification.newBuilder().setRequestId(requestId).setLaneId(lane).setDirection(direction)
        .setTime(ts(at)).setPlate(PlateRead.newBuilder().setPlate(plate).setConfidence(0.97f)).build();
  }

  static Identification face(String requestId, String lane, Direction direction, String person, Instant at) {
    return Identification.newBuilder().setRequestId(requestId).setLaneId(lane).setDirection(direction)
        .setTime(ts(at)).setFace(FaceMatch.newBuilder().setPersonId(person).setScore(0.93f)).build();
  }
}
