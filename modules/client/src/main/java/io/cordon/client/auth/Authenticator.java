package io.cordon.client.auth;

import java.util.concurrent.CompletableFuture;

/** Signs a user in; the future fails with a {@link io.grpc.StatusRuntimeException} on refusal. */
@FunctionalInterface
public interface Authenticator {
  CompletableFuture<Session> login(String username, String password);
}
