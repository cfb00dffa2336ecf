package io.cordon.server.registration;

import static io.cordon.server.registration.RegistrationFixtures.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.GetEnterpriseRequest;
import io.cordon.api.v1.PersonRole;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.VehicleClass;
import io.cordon.server.ServerConfig;
import io.cordon.server.TestServer;
import io.cordon.server.registration.RegistrationFixtures.Calls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded demo's sample registry: the demo applicant acts for a real enterprise with usable records. */
class DemoRegistryTest {

  @TempDir
  Path dataDir;

  @Test
  void theDemoApplicantSubmitsAHazmatDeliveryWithTheSeededPeopleAndTankerAndARestartSeedsNothingTwice() {
    try (TestServer server = TestServer.with(ServerConfig.builder().dataDir(dataDir).demoUsers(true)
        .demoRegistry(true).build())) {
      Calls enterprise = Calls.as(server, "enterprise");
      RegistryEnterprise own = enterprise.registry().getEnterprise(GetEnterpriseRequest.newBuilder()
          .setEnterpriseId(DemoRegistry.ENTERPRISE).build());
      List<RegistryPerson> people = enterprise.registry().searchPeople(SearchRequest.newBuilder()
          .setEnterpriseId(DemoRegistry.ENTERPRISE).build()).getPeopleList();
      List<RegistryVehicle> vehicles = enterprise.registry().searchVehicles(SearchRequest.newBuilder()
          .setEnterpriseId(DemoRegistry.ENTERPRISE).build()).getVehiclesList();
      assertThat(own.getApplicantUsernamesList()).containsExactly("enterprise");
      assertThat(own.getLoadingPointsList()).containsExactly("LP1");

      Application submitted = enterprise.appointments().submit(action(enterprise.appointments().createDraft(
          CreateDraftRequest.newBuilder().setRequestId(requestId())
              .setKind(ApplicationKind.APPLICATION_KIND_HAZMAT_DELIVERY).setContent(ApplicationDraft.newBuilder()
                  .setHost(DemoRegistry.ENTERPRISE).setPurpose("汽油装车").addVehicles(vehicles.stream()
                      .filter(v -> v.getVehicleClass() == VehicleClass.VEHICLE_CLASS_HAZMAT).findFirst()
                      .orElseThrow().getPlate())
                  .setDriver(first(people, PersonRole.PERSON_ROLE_DRIVER)).setEscort(first(people,
                      PersonRole.PERSON_ROLE_ESCORT))
                  .addGoods(RegistrationFixtures.gasoline())
                  .setWindow(RegistrationFixtures.window(Duration.ofHours(30), Duration.ofHours(6)))
                  .setRoute("R-HAZ-1").setLoadingPoint("LP1")).build())));

      assertThat(submitted.getState()).isEqualTo(ApplicationState.APPLICATION_STATE_UNDER_REVIEW);
      server.restart();
      assertThat(Calls.as(server, "supervisor").registry().searchPeople(SearchRequest.newBuilder()
          .setEnterpriseId(DemoRegistry.ENTERPRISE).build()).getPeopleList()).hasSameSizeAs(people);
    }
  }

  private static String first(List<RegistryPerson> people, PersonRole role) {
    return people.stream().filter(p -> p.getRole() == role).findFirst().orElseThrow().getPersonId();
  }

  private static ApplicationActionRequest action(Application a) {
    return ApplicationActionRequest.newBuilder().setRequestId(requestId()).setApplicationId(a.getApplicationId())
        .setExpectedVersion(a.getVersion()).build();
  }
}
