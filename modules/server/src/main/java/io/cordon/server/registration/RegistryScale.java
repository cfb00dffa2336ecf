package io.cordon.server.registration;

import io.cordon.api.v1.PersonRole;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.TransportPermit;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.identity.Vin;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateType;
import io.cordon.domain.park.Lane;
import io.cordon.domain.park.LaneClass;
import io.cordon.domain.park.Park;
import io.cordon.domain.permit.LaneRef;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.persistence.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * A deterministic registry at scale for benchmarks and load demos (DESIGN §7): {@code vehicles}
 * registered vehicles, {@code people} registered people and {@code permits} permits over them,
 * written straight into the registration tables in large transactions (no journal event per row,
 * which is what makes 350,000 rows take seconds). A server started on the database afterwards
 * reads them like any other registry. Never used by the running product.
 *
 * <p>Every value is valid for the domain: plates 苏A00000…, resident ID numbers with their check
 * digit, VINs with their check character. Vehicle i is hazmat when i % 10 == 0, hazwaste when
 * i % 10 == 1, otherwise ordinary; each permit's lanes are the lanes of its holder's class at every
 * perimeter gate that takes that class, so any lane of the right class admits a permit's holder while the
 * permit is valid. Permits are valid from a day before {@code now} for 30 days; one in 50 is revoked.
 */
public final class RegistryScale {

  /** What was written, and how to name its holders (for a benchmark's identifications). */
  public record Written(int vehicles, int people, int permits, Duration took) {

    public static String plate(int i) {
      return RegistryScale.plate(i);
    }

    public static String personId(int i) {
      return RegistryScale.personId(i);
    }

    public static String idNumber(int i) {
      return RegistryScale.idNumber(i);
    }

    public static VehicleClass vehicleClass(int i) {
      return RegistryScale.vehicleClass(i);
    }
  }

  private static final String AUTHORITIES = "ABCDEFGHJKLMN";
  private static final int BATCH = 5_000;

  private RegistryScale() {
  }

  public static Written seed(Database database, Park park, int vehicles, int people, int permits, Instant now) {
    Objects.requireNonNull(database, "database");
    return write(work -> database.runInTransaction(session -> session.doWork(work::execute)), park, vehicles, people,
        permits, now, Duration.ofDays(30), true);
  }

  /** Runs one batch of inserts on a JDBC connection: in a transaction of its own, or in the caller's. */
  interface Batches {
    void run(org.hibernate.jdbc.Work work);
  }

  /**
   * Writes the rows through {@code batches}; {@code validFor} is how long each permit runs from a day ago;
   * {@code revokeSome}: one permit in 50 is revoked.
   */
  static Written write(Batches batches, Park park, int vehicles, int people, int permits, Instant now,
      Duration validFor, boolean revokeSome) {
    Objects.requireNonNull(park, "park");
    if (vehicles < 1 || people < 1 || permits < 1 || vehicles > AUTHORITIES.length() * 100_000) {
      throw new IllegalArgumentException("vehicles 1.." + AUTHORITIES.length() * 100_000 + ", people and permits ≥ 1");
    }
    long started = System.nanoTime();
    List<EnterpriseId> enterprises = park.enterprises().stream().map(Enterprise::id).toList();
    if (enterprises.isEmpty()) {
      throw new IllegalArgumentException("the park has no enterprises to own vehicles");
    }
    Map<LaneClass, List<LaneRef>> lanes = lanesByClass(park);
    insert(batches, "insert into reg_vehicle (plate, vehicle_class, owner_id, vin, version, body)"
        + " values (?, ?, ?, ?, ?, ?)", vehicles, (st, i) -> {
          RegistryVehicle v = vehicle(i, enterprises);
          st.setString(1, v.getPlate());
          st.setString(2, vehicleClass(i).name());
          st.setString(3, v.getOwnerId());
          st.setString(4, v.getVin());
          st.setLong(5, v.getVersion());
          st.setString(6, RegistrationProtos.encode(v));
        });
    insert(batches, "insert into reg_person (person_id, id_number, name, enterprise_id, role, version, body)"
        + " values (?, ?, ?, ?, ?, ?, ?)", people, (st, i) -> {
          RegistryPerson p = person(i, enterprises);
          st.setString(1, p.getPersonId());
          st.setString(2, p.getIdNumber());
          st.setString(3, p.getName());
          st.setString(4, p.getEnterpriseId());
          st.setString(5, "EMPLOYEE");
          st.setLong(6, p.getVersion());
          st.setString(7, RegistrationProtos.encode(p));
        });
    Random random = new Random(7);
    Duration exitWindow = Duration.ofHours(2);
    insert(batches, "insert into permit (permit_id, application_id, host_id, window_from, window_until, revoked_at,"
        + " last_seq, body) values (?, ?, ?, ?, ?, ?, ?, ?)", permits, (st, i) -> {
          Permit p = permit(i, vehicles, people, enterprises, lanes, now, validFor, revokeSome, random);
          st.setString(1, p.id().value());
          st.setString(2, p.applicationId());
          st.setString(3, p.host().value());
          st.setObject(4, p.window().from().atOffset(ZoneOffset.UTC));
          st.setObject(5, p.window().until().atOffset(ZoneOffset.UTC));
          st.setObject(6, p.revocation().map(r -> r.at().atOffset(ZoneOffset.UTC)).orElse(null));
          st.setLong(7, 0);
          st.setString(8, RegistrationProtos.encode(RegistrationProtos.toProto(p, 0, exitWindow)));
        });
    return new Written(vehicles, people, permits, Duration.ofNanos(System.nanoTime() - started));
  }

  private interface RowWriter {
    void write(PreparedStatement statement, int i) throws SQLException;
  }

  /** Plain JDBC batches: Hibernate's find-before-persist would cost a query per row. */
  private static void insert(Batches batches, String sql, int count, RowWriter row) {
    for (int from = 0; from < count; from += BATCH) {
      int start = from;
      int end = Math.min(count, from + BATCH);
      batches.run(connection -> {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
          for (int i = start; i < end; i++) {
            row.write(st, i);
            st.addBatch();
            if ((i - start) % 1_000 == 999) {
              st.executeBatch();
            }
          }
          st.executeBatch();
        }
      });
    }
  }

  static String plate(int i) {
    // a bijection on 0..99999, so neighbours do not look like a sequence (苏A12345, not 苏A00001)
    return "苏" + AUTHORITIES.charAt(i / 100_000) + String.format("%05d", (i % 100_000 * 7_919L + 12_345) % 100_000);
  }

  static String personId(int i) {
    return String.format("P-S%07d", i);
  }

  static String idNumber(int i) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i / 900);
    String first17 = "320102" + birth.toString().replace("-", "") + String.format("%03d", 100 + i % 900);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗";
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
      "明", "超", "秀英", "建华", "立新", "海涛", "志强", "国平", "晓东", "丽华", "文斌", "红梅"};

  static String name(int i) {
    return SURNAMES.charAt(i % SURNAMES.length()) + GIVEN[(i / SURNAMES.length()) % GIVEN.length];
  }

  static VehicleClass vehicleClass(int i) {
    switch (i % 10) {
      case 0:
        return VehicleClass.HAZMAT;
      case 1:
        return VehicleClass.HAZWASTE;
      default:
        return VehicleClass.ORDINARY;
    }
  }

  private static RegistryVehicle vehicle(int i, List<EnterpriseId> enterprises) {
    VehicleClass c = vehicleClass(i);
    String vin = "LSGJA52U0D1" + String.format("%06d", i);
    vin = vin.substring(0, 8) + Vin.checkCharacter(vin) + vin.substring(9);
    RegistryVehicle.Builder b = RegistryVehicle.newBuilder().setPlate(plate(i))
        .setPlateColor(c.isDangerous() ? PlateColor.PLATE_COLOR_YELLOW : PlateColor.PLATE_COLOR_BLUE)
        .setVehicleClass(RegistrationProtos.vehicleClass(c)).setVin(vin)
        .setOwnerId(enterprises.get(i % enterprises.size()).value()).setVersion(1);
    if (c.isDangerous()) {
      b.setTransportPermit(TransportPermit.newBuilder().setNumber("苏交运危" + String.format("%08d", i))
          .setExpiresOn("2030-12-31"));
    }
    return b.build();
  }

  private static RegistryPerson person(int i, List<EnterpriseId> enterprises) {
    return RegistryPerson.newBuilder().setPersonId(personId(i)).setName(name(i)).setIdNumber(idNumber(i))
        .setPhone(String.format("139%08d", i)).setEnterpriseId(enterprises.get(i % enterprises.size()).value())
        .setRole(PersonRole.PERSON_ROLE_EMPLOYEE).setVersion(1).build();
  }

  private static Permit permit(int i, int vehicles, int people, List<EnterpriseId> enterprises,
      Map<LaneClass, List<LaneRef>> lanes, Instant now, Duration validFor, boolean revokeSome, Random random) {
    boolean forVehicle = i % 3 != 2;
    Set<PersonId> holders = Set.of();
    Map<Plate, VehicleClass> plates = Map.of();
    LaneClass laneClass;
    if (forVehicle) {
      int v = i % vehicles;
      VehicleClass c = vehicleClass(v);
      plates = Map.of(Plate.parse(plate(v)), c);
      laneClass = PermitScope.laneFor(c);
    } else {
      holders = Set.of(new PersonId(personId(i % people)));
      laneClass = LaneClass.PEDESTRIAN;
    }
    TimeWindow window = TimeWindow.of(now.minus(Duration.ofDays(1)), validFor);
    Permit p = Permit.issue(new PermitId(String.format("S-%07d", i)), String.format("S-%07d", i), holders, plates,
        enterprises.get(i % enterprises.size()), new PermitScope(lanes.getOrDefault(laneClass, List.of()), List.of(),
            Set.of()), window, Optional.empty(), Optional.empty(), now.minus(Duration.ofDays(2)), "scale");
    if (revokeSome && random.nextInt(50) == 0) {
      p = p.revoke("scale", now.minus(Duration.ofHours(1)), "revoked for the scale test").orElseThrow();
    }
    return p;
  }

  private static Map<LaneClass, List<LaneRef>> lanesByClass(Park park) {
    Map<LaneClass, List<LaneRef>> byClass = new java.util.EnumMap<>(LaneClass.class);
    for (Gate gate : park.gates()) {
      if (gate.type() == GateType.EMERGENCY || gate.isCheckpoint()) {
        continue; // emergency lanes open only in emergencies; checkpoints need core-zone authorisation
      }
      for (Lane lane : gate.lanes()) {
        byClass.computeIfAbsent(lane.laneClass(), c -> new ArrayList<>()).add(new LaneRef(gate.id(), lane.id()));
      }
    }
    return byClass;
  }
}
