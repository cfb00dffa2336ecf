package io.cordon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

  @ParameterizedTest(name = "{0} calling {1}: {2}")
  @CsvSource({
      "ROLE_OPERATOR,    subscribe, true",
      "ROLE_SUPERVISOR,  query,     true",
      "ROLE_ADMIN,       park,      true",
      "ROLE_DEVICE,      park,      true",
      "ROLE_DEVICE,      report,    true",
      "ROLE_DEVICE,      subscribe, false",
      "ROLE_DEVICE,      query,     false",
      "ROLE_OPERATOR,    report,    false",
      "ROLE_GATE_AGENT,  subscribe, false",
      "ROLE_ENTERPRISE,  park,      false",
      "ROLE_ADMIN,       unknown,   false"})
  void theTableDecidesWhoMayCallWhat(Role role, String method, boolean allowed) {
    assertThat(AccessPolicy.allows(fullName(method), Set.of(role))).isEqualTo(allowed);
  }

  private static String fullName(String method) {
    switch (method) {
      case "subscribe":
        return EventServiceGrpc.getSubscribeMethod().getFullMethodName();
      case "query":
        return EventServiceGrpc.getQueryMethod().getFullMethodName();
      case "park":
        return ParkServiceGrpc.getGetParkMethod().getFullMethodName();
      case "report":
        return SensorIngestServiceGrpc.getReportMethod().getFullMethodName();
      default:
        return "cordon.v1.NoSuchService/Nothing";
    }
  }
}
