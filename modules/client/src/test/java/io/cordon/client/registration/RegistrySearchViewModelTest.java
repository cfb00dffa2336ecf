package io.cordon.client.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Registry search over a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrySearchViewModelTest {
  @TempDir
  static Path dataDir;
  RegistrationServer server;
  Application hazmat;

  @BeforeAll
  void start() {
    server = new RegistrationServer(dataDir);
    hazmat = server.submitHazmat();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private RegistrySearchViewModel searching(RegistrySearchViewModel.Kind kind, String text) {
    RegistrySearchViewModel vm = server.ui(() -> new RegistrySearchViewModel(server.client, server.uiThread));
    server.ui(() -> {
      vm.kindProperty().set(kind);
      vm.textProperty().set(text);
      vm.search();
    });
    server.await("the search", () -> !vm.status().busyProperty().get());
    return vm;
  }

  @Test
  void aVehicleIsFoundByItsPlate() {
    String plate = hazmat.getContent().getVehicles(0).getPlate();
    RegistrySearchViewModel vm = searching(RegistrySearchViewModel.Kind.VEHICLES, plate);

    assertThat(server.ui(() -> vm.vehicles().stream().map(RegistryVehicle::getPlate).toList())).containsExactly(plate);
  }

  @Test
  void peopleAreFoundByNameWithTheirIdNumbersMasked() {
    RegistrySearchViewModel vm = searching(RegistrySearchViewModel.Kind.PEOPLE, "王建国");

    assertThat(server.ui(() -> vm.people().stream().toList())).isNotEmpty()
        .allSatisfy(p -> assertThat(p.getIdNumber()).contains("*"))
        .extracting(RegistryPerson::getName).containsOnly("王建国");
  }

  @Test
  void theApplicantsEnterpriseIsFoundById() {
    RegistrySearchViewModel vm = searching(RegistrySearchViewModel.Kind.ENTERPRISES, server.haulier);

    assertThat(server.ui(() -> vm.enterprises().stream().map(RegistryEnterprise::getEnterpriseId).toList()))
        .contains(server.haulier);
  }
}
