package io.cordon.server.registration;

import io.cordon.api.v1.Role;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import java.util.Optional;

/** The authenticated caller of a registration RPC and, for an applicant account, the enterprise it acts for. */
record Caller(AuthenticatedUser user, Optional<EnterpriseId> enterprise) {

  static Caller current(RegistrationStore store) {
    AuthenticatedUser user = AuthContext.currentUser().orElseThrow(() -> new IllegalStateException("no caller"));
    return new Caller(user, store.enterpriseOf(user.username()));
  }

  String name() {
    return user.username();
  }

  /** Park staff (duty operators, supervisors, admins): not limited to one enterprise's records. */
  boolean staff() {
    return user.hasRole(Role.ROLE_OPERATOR) || user.hasRole(Role.ROLE_SUPERVISOR) || user.hasRole(Role.ROLE_ADMIN);
  }

  boolean supervisor() {
    return user.hasRole(Role.ROLE_SUPERVISOR);
  }

  /** The applicant's enterprise; PERMISSION_DENIED for an account not linked to any. */
  EnterpriseId applicant() {
    return enterprise.orElseThrow(() -> RegistrationException.denied(
        "account " + user.username() + " acts for no enterprise: link it in the enterprise's applicant_usernames"));
  }

  /** Whether the caller may see records of this enterprise. */
  boolean mayRead(EnterpriseId id) {
    return staff() || enterprise.map(id::equals).orElse(false);
  }
}
