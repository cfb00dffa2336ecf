package io.cordon.server.gate.access;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.BlacklistSubject;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.PermitVehicle;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.Revocation;
import io.cordon.api.v1.SubjectKind;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.VehicleClass;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;

/** Registration rows written as the registration stores them (V6: base64 bodies), for gate tests. */
final class RegistrySeed {

  private final Database database;

  RegistrySeed(Database database) {
    this.database = database;
  }

  static String idNumber(int serial) {
    String first17 = "320102" + "19850101" + String.format("%03d", serial);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  RegistrySeed enterprise(String id, String name) {
    return sql("insert into reg_enterprise (enterprise_id, name, credit_code, version, body) values (?, ?, ?, 1, ?)",
        id, name, "91320000000000000X", encode(io.cordon.api.v1.RegistryEnterprise.newBuilder().setEnterpriseId(id)
            .setName(name).build()));
  }

  RegistrySeed vehicle(String plate, VehicleClass vehicleClass, String owner) {
    return sql("insert into reg_vehicle (plate, vehicle_class, owner_id, vin, version, body) values (?, ?, ?, ?, 1, ?)",
        plate, vehicleClass.name().replace("VEHICLE_CLASS_", ""), owner, "LSVAA4189E2100001",
        encode(RegistryVehicle.newBuilder().setPlate(plate).setVehicleClass(vehicleClass).setOwnerId(owner).build()));
  }

  RegistrySeed person(String id, String idNumber, String name, String enterprise, String phone) {
    return sql("insert into reg_person (person_id, id_number, name, enterprise_id, role, version, body)"
        + " values (?, ?, ?, ?, 'PERSON_ROLE_EMPLOYEE', 1, ?)", id, idNumber, name, enterprise,
        encode(RegistryPerson.newBuilder().setPersonId(id).setIdNumber(idNumber).setName(name)
            .setEnterpriseId(enterprise).setPhone(phone).build()));
  }

  static Permit.Builder permit(String id, String host, Instant from, Instant until, String gate, String... lanes) {
    PermitScope.Builder scope = PermitScope.newBuilder();
    for (String lane : lanes) {
      scope.addLanes(LaneRef.newBuilder().setGateId(gate).setLaneId(lane));
    }
    return Permit.newBuilder().setPermitId(id).setApplicationId(id).setHostEnterpriseId(host).setScope(scope)
        .addGateIds(gate).setWindow(TimeWindow.newBuilder().setFrom(ts(from)).setUntil(ts(until)))
        .setIssuedAt(ts(from)).setIssuedBy("reviewer").setExitCleared(true);
  }

  static PermitVehicle vehicleOf(String plate, VehicleClass c) {
    return PermitVehicle.newBuilder().setPlate(plate).setVehicleClass(c).build();
  }

  RegistrySeed permit(Permit p) {
    return sql("insert into permit (permit_id, application_id, host_id, window_from, window_until, revoked_at, last_seq,"
        + " body) values (?, ?, ?, ?, ?, null, 1, ?)", p.getPermitId(), p.getApplicationId(), p.getHostEnterpriseId(),
        java.sql.Timestamp.from(instant(p.getWindow().getFrom())),
        java.sql.Timestamp.from(instant(p.getWindow().getUntil())), encode(p));
  }

  /** Stores the permit revoked (the registration journals permit.revoked with it). */
  RegistrySeed revoke(Permit p, Instant at) {
    Permit revoked = p.toBuilder().setRevocation(Revocation.newBuilder().setAt(ts(at)).setBy("supervisor")
        .setReason("资质存疑")).build();
    return sql("update permit set revoked_at = ?, body = ? where permit_id = ?", java.sql.Timestamp.from(at),
        encode(revoked), p.getPermitId());
  }

  RegistrySeed blacklisted(String entryId, SubjectKind kind, String subject, Instant from) {
    return sql("insert into blacklist_entry (entry_id, subject_kind, subject_id, from_at, until_at, lifted_at,"
        + " violation_id, body) values (?, ?, ?, ?, null, null, null, ?)", entryId,
        kind.name().replace("SUBJECT_KIND_", ""), subject,
        java.sql.Timestamp.from(from), encode(io.cordon.api.v1.BlacklistEntry.newBuilder().setEntryId(entryId)
            .setSubject(BlacklistSubject.newBuilder().setKind(kind).setId(subject)).setReason("闯卡")
            .setFrom(ts(from)).build()));
  }

  private RegistrySeed sql(String sql, Object... args) {
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
      } catch (SQLException e) {
        throw e;
      }
    }));
    return this;
  }

  private static String encode(MessageLite m) {
    return Base64.getEncoder().encodeToString(m.toByteArray());
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
