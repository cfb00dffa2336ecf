package io.cordon.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.IncidentServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.TimelineServiceGrpc;
import io.cordon.server.auth.AccessPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may read timelines and incidents, and who may change incidents. */
class IncidentAccessPolicyTest {

  private static boolean allows(String method, Role role) {
    return AccessPolicy.allows(method, Set.of(role));
  }

  @Test
  void operatorsReadTimelinesAndIncidents() {
    assertThat(allows(TimelineServiceGrpc.getGetTimelineMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isTrue();
    assertThat(allows(TimelineServiceGrpc.getGetPositionsAtMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isTrue();
    assertThat(allows(IncidentServiceGrpc.getGetMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isTrue();
    assertThat(allows(IncidentServiceGrpc.getListMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isTrue();
    assertThat(allows(IncidentServiceGrpc.getVerifyReportMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isTrue();
  }

  @Test
  void operatorsDoNotOpenCloseOrReportIncidents() {
    assertThat(allows(IncidentServiceGrpc.getCreateMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isFalse();
    assertThat(allows(IncidentServiceGrpc.getAddAlarmsMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isFalse();
    assertThat(allows(IncidentServiceGrpc.getCloseMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isFalse();
    assertThat(allows(IncidentServiceGrpc.getRenderReportMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isFalse();
    assertThat(allows(IncidentServiceGrpc.getExportClipsMethod().getFullMethodName(), Role.ROLE_OPERATOR)).isFalse();
  }

  @Test
  void supervisorsAndAdminsOpenCloseAndReportIncidents() {
    for (Role role : Set.of(Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN)) {
      assertThat(allows(IncidentServiceGrpc.getCreateMethod().getFullMethodName(), role)).isTrue();
      assertThat(allows(IncidentServiceGrpc.getAddAlarmsMethod().getFullMethodName(), role)).isTrue();
      assertThat(allows(IncidentServiceGrpc.getCloseMethod().getFullMethodName(), role)).isTrue();
      assertThat(allows(IncidentServiceGrpc.getRenderReportMethod().getFullMethodName(), role)).isTrue();
      assertThat(allows(IncidentServiceGrpc.getExportClipsMethod().getFullMethodName(), role)).isTrue();
    }
  }

  @Test
  void devicesAndEnterprisesSeeNoTimelines() {
    assertThat(allows(TimelineServiceGrpc.getGetTimelineMethod().getFullMethodName(), Role.ROLE_DEVICE)).isFalse();
    assertThat(allows(IncidentServiceGrpc.getGetMethod().getFullMethodName(), Role.ROLE_ENTERPRISE)).isFalse();
  }
}
