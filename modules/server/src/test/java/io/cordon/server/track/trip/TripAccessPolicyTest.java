package io.cordon.server.track.trip;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.server.auth.AccessPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call the TripService. */
class TripAccessPolicyTest {

  @Test
  void gateSideDevicesIssueAndReturnTerminals() {
    assertThat(AccessPolicy.allows(TripServiceGrpc.getIssueTerminalMethod().getFullMethodName(),
        Set.of(Role.ROLE_DEVICE))).isTrue();
    assertThat(AccessPolicy.allows(TripServiceGrpc.getReturnTerminalMethod().getFullMethodName(),
        Set.of(Role.ROLE_DEVICE))).isTrue();
  }

  @Test
  void operatorsReadTrajectoriesButDoNotReleaseLoadingPoints() {
    assertThat(AccessPolicy.allows(TripServiceGrpc.getGetTrajectoryMethod().getFullMethodName(),
        Set.of(Role.ROLE_OPERATOR))).isTrue();
    assertThat(AccessPolicy.allows(TripServiceGrpc.getReportLoadingPointFreeMethod().getFullMethodName(),
        Set.of(Role.ROLE_OPERATOR))).isFalse();
  }

  @Test
  void devicesDoNotReadVehiclePanels() {
    assertThat(AccessPolicy.allows(TripServiceGrpc.getGetVehicleMethod().getFullMethodName(),
        Set.of(Role.ROLE_DEVICE))).isFalse();
  }

  @Test
  void enterprisesCannotIssueTerminals() {
    assertThat(AccessPolicy.allows(TripServiceGrpc.getIssueTerminalMethod().getFullMethodName(),
        Set.of(Role.ROLE_ENTERPRISE))).isFalse();
  }
}
