package io.cordon.server.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires "authorization: Bearer &lt;token&gt;" on every call but the public ones, and the role
 * {@link AccessPolicy} asks for; puts the caller into the gRPC {@link Context} for services.
 */
public final class AuthInterceptor implements ServerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;

  public AuthInterceptor(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (AccessPolicy.isPublic(method)) {
      return next.startCall(call, headers);
    }
    String authorization = headers.get(AUTHORIZATION);
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("a bearer token is required"));
    }
    Optional<AuthenticatedUser> user;
    try {
      user = authenticator.authenticate(authorization.substring(BEARER.length()).trim());
    } catch (RuntimeException e) {
      log.warn("Could not check a session for {}", method, e);
      return refuse(call, Status.UNAVAILABLE.withDescription("cannot check the session now"));
    }
    if (user.isEmpty()) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("the token is unknown or has expired"));
    }
    if (!AccessPolicy.allows(method, user.get().roles())) {
      log.info("Denied {} to {}", method, user.get().username());
      return refuse(call, Status.PERMISSION_DENIED.withDescription("your roles do not allow " + method));
    }
    Context context = Context.current().withValue(AuthContext.USER, user.get());
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {
    };
  }
}
