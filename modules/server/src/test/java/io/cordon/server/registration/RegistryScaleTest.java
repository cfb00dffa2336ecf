package io.cordon.server.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark registry: valid rows the server reads back like any other. */
class RegistryScaleTest {

  private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

  @TempDir
  Path dir;

  @Test
  void seedsValidVehiclesPeopleAndPermitsThatReadBackAsDomainObjects() {
    try (Database db = Database.open(TestDatabase.h2(dir).settings(), RegistrationEntities.classes())) {
      RegistryScale.Written written = RegistryScale.seed(db, ParkFileLoader.loadSample(), 300, 200, 900, NOW);

      assertThat(written.permits()).isEqualTo(900);
      List<String> bodies = db.inTransaction(s -> s.createSelectionQuery(
          "select p.body from PermitRow p", String.class).getResultList());
      assertThat(bodies).hasSize(900);
      List<Permit> permits = bodies.stream().map(b -> RegistrationProtos.permit(
          RegistrationProtos.decode(b, io.cordon.api.v1.Permit.parser()))).toList();
      assertThat(permits).allSatisfy(p -> assertThat(p.scope().lanes()).isNotEmpty());
      assertThat(permits).filteredOn(p -> !p.revoked()).allSatisfy(p -> assertThat(p.window().contains(NOW)).isTrue());
      assertThat(permits).filteredOn(Permit::revoked).isNotEmpty();
      Long vehicles = db.inTransaction(s -> s.createSelectionQuery("select count(*) from RegVehicleRow", Long.class)
          .getSingleResult());
      assertThat(vehicles).isEqualTo(300);
      assertThat(Plate.isValid(RegistryScale.Written.plate(299))).isTrue();
      assertThat(ResidentIdNumber.isValid(RegistryScale.Written.idNumber(199))).isTrue();
      assertThat(RegistryScale.Written.vehicleClass(10)).isEqualTo(VehicleClass.HAZMAT);
    }
  }
}
