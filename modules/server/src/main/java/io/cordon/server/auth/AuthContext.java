package io.cordon.server.auth;

import io.grpc.Context;
import java.util.Optional;

/** Gives services the authenticated caller of the current RPC. */
public final class AuthContext {

  static final Context.Key<AuthenticatedUser> USER = Context.key("cordon-user");

  private AuthContext() {
  }

  /** The caller of the RPC running on this thread; empty outside an authenticated call. */
  public static Optional<AuthenticatedUser> currentUser() {
    return Optional.ofNullable(USER.get());
  }
}
