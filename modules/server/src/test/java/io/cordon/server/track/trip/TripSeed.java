package io.cordon.server.track.trip;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationContent;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.PermitVehicle;
import io.cordon.api.v1.QuantityUnit;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.Revocation;
import io.cordon.api.v1.TimeWindow;
import io.cordon.api.v1.VehicleClass;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.persistence.Database;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registration rows as the registration stores them (V6: base64 bodies), and the events it journals. */
final class TripSeed {

  static final String HOST = "ENT-01";
  static final String HOST_NAME = "江澄石化储运";

  private final Database database;

  TripSeed(Database database) {
    this.database = database;
  }

  TripSeed enterprise(String id, String name) {
    return sql("insert into reg_enterprise (enterprise_id, name, credit_code, version, body) values (?, ?, ?, 1, ?)",
        id, name, "91320000000000000X", encode(RegistryEnterprise.newBuilder().setEnterpriseId(id).setName(name)
            .build()));
  }

  /** A hazmat delivery of one plate to ENT-01 through G2, with its approved application. */
  static Permit hazmatPermit(String id, String plate, Instant from, Instant until) {
    return Permit.newBuilder().setPermitId(id).setApplicationId(id).setHostEnterpriseId(HOST)
        .setScope(PermitScope.newBuilder().addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L1"))
            .addLanes(LaneRef.newBuilder().setGateId("G2").setLaneId("L3")))
        .addGateIds("G2").addVehicles(PermitVehicle.newBuilder().setPlate(plate)
            .setVehicleClass(VehicleClass.VEHICLE_CLASS_HAZMAT))
        .setWindow(TimeWindow.newBuilder().setFrom(ts(from)).setUntil(ts(until)))
        .setRouteId("R-06>R-02").setLoadingPoint("LP1")
        .setIssuedAt(ts(from)).setIssuedBy("reviewer").build();
  }

  /** Stores the permit, its application (goods, driver, escort) and the plate index, as approval does. */
  TripSeed permit(Permit p) {
    String plate = p.getVehicles(0).getPlate();
    Application application = Application.newBuilder().setApplicationId(p.getApplicationId())
        .setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY).setState(ApplicationState.APPLICATION_STATE_APPROVED)
        .setApplicantEnterpriseId("ENT-90").setPermitId(p.getPermitId())
        .setContent(ApplicationContent.newBuilder().setHost(HOST)
            .addGoods(Goods.newBuilder().setName("甲醇").setHazardClass("3").setUnNumber("UN1230").setAmount("28.5")
                .setUnit(QuantityUnit.QUANTITY_UNIT_TONNE))
            .setDriver(RegistryPerson.newBuilder().setPersonId("P-000001").setName("王师傅"))
            .setEscort(RegistryPerson.newBuilder().setPersonId("P-000002").setName("李押运"))
            .setWindow(p.getWindow()).setRoute(p.getRouteId()).setLoadingPoint(p.getLoadingPoint()))
        .build();
    sql("insert into appointment_application (application_id, kind, state, applicant_id, host_id, window_from,"
        + " window_until, review_due, version, last_seq, created_at, body) values (?, 'HAZMAT_DELIVERY', 'APPROVED',"
        + " 'ENT-90', ?, ?, ?, null, 1, 1, ?, ?)", p.getApplicationId(), HOST, utc(p.getWindow().getFrom()),
        utc(p.getWindow().getUntil()), utc(p.getWindow().getFrom()), encode(application));
    sql("insert into appointment_plate (application_id, plate) values (?, ?)", p.getApplicationId(), plate);
    return sql("insert into permit (permit_id, application_id, host_id, window_from, window_until, revoked_at, last_seq,"
        + " body) values (?, ?, ?, ?, ?, null, 1, ?)", p.getPermitId(), p.getApplicationId(), HOST,
        utc(p.getWindow().getFrom()), utc(p.getWindow().getUntil()), encode(p));
  }

  /** Stores the permit revoked and journals permit.revoked, as the review service does. */
  Permit revoke(Permit p, Instant at, EventJournal journal) {
    Permit revoked = p.toBuilder().setRevocation(Revocation.newBuilder().setAt(ts(at)).setBy("supervisor")
        .setReason("资质存疑")).build();
    sql("update permit set revoked_at = ?, body = ? where permit_id = ?", OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        encode(revoked), p.getPermitId());
    journal.append(new NewEvent(at, "permit.revoked", List.of(new SubjectKey("permit", p.getPermitId())),
        Optional.empty(), "permit revoked", Map.of("permit_id", p.getPermitId(), "plates",
            p.getVehicles(0).getPlate())));
    return revoked;
  }

  TripSeed fix(String plate, double lon, double lat, double speedKmh, Instant at) {
    return sql("insert into vehicle_position (plate, plate_color, vehicle_class, lon, lat, heading_deg, speed_kmh,"
        + " fix_time, received_at) values (?, 'YELLOW', 'HAZMAT', ?, ?, 90, ?, ?, ?)", plate, lon, lat, speedKmh,
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC), OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  private TripSeed sql(String sql, Object... args) {
    database.runInTransaction(session -> session.doWork(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
      }
    }));
    return this;
  }

  private static String encode(MessageLite m) {
    return Base64.getEncoder().encodeToString(m.toByteArray());
  }

  private static OffsetDateTime utc(Timestamp t) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()), ZoneOffset.UTC);
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
