package io.cordon.server.auth;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code AuthService.Login}: user name and password for a bearer token. */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(AuthGrpcService.class);

  private final Authenticator authenticator;
  private final PasswordCheckLimiter limiter;

  public AuthGrpcService(Authenticator authenticator) {
    this(authenticator, PasswordCheckLimiter.withDefaults());
  }

  public AuthGrpcService(Authenticator authenticator, PasswordCheckLimiter limiter) {
    this.authenticator = authenticator;
    this.limiter = limiter;
  }

  @Override
  public void login(LoginRequest request, StreamObserver<LoginResponse> responseObserver) {
    BadRequest.Builder violations = BadRequest.newBuilder();
    checkLength(violations, "username", request.getUsername(), 64);
    if (request.getUsername().chars().anyMatch(Character::isISOControl)) {
      violations.addFieldViolationsBuilder().setField("username").setDescription("must not contain control characters");
    }
    checkLength(violations, "password", request.getPassword(), 256);
    checkLength(violations, "workstation", request.getWorkstation(), 0, 128);
    if (violations.getFieldViolationsCount() > 0) {
      responseObserver.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Code.INVALID_ARGUMENT_VALUE)
          .setMessage("invalid login request")
          .addDetails(Any.pack(violations.build()))
          .build()));
      return;
    }
    Optional<Optional<LoginSession>> checked;
    try {
      checked = limiter.tryRun(() -> authenticator.login(request.getUsername(), request.getPassword()));
    } catch (IllegalArgumentException e) {
      // the database refused the user name: the same request would fail again
      log.info("Login refused for an unstorable user name: {}", e.getMessage());
      responseObserver.onError(Status.INVALID_ARGUMENT.withDescription("invalid user name").asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Login failed for an internal reason", e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot sign in now").asRuntimeException());
      return;
    }
    if (checked.isEmpty()) {
      log.warn("Too many concurrent logins; turned one away");
      responseObserver.onError(Status.RESOURCE_EXHAUSTED
          .withDescription("too many sign-ins at once; try again shortly").asRuntimeException());
      return;
    }
    Optional<LoginSession> session = checked.get();
    if (session.isEmpty()) {
      log.info("Failed login for user {}", printable(request.getUsername()));
      responseObserver.onError(Status.UNAUTHENTICATED
          .withDescription("wrong user name or password").asRuntimeException());
      return;
    }
    LoginSession s = session.get();
    log.info("User {} signed in from {}", s.user().username(),
        request.getWorkstation().isEmpty() ? "an unnamed workstation" : printable(request.getWorkstation()));
    responseObserver.onNext(LoginResponse.newBuilder()
        .setToken(s.token())
        .addAllRoles(s.user().roles())
        .setDisplayName(s.user().displayName())
        .setExpiresAt(Timestamp.newBuilder()
            .setSeconds(s.expiresAt().getEpochSecond()).setNanos(s.expiresAt().getNano()))
        .build());
    responseObserver.onCompleted();
  }

  private static void checkLength(BadRequest.Builder violations, String field, String value, int max) {
    checkLength(violations, field, value, 1, max);
  }

  private static void checkLength(BadRequest.Builder violations, String field, String value, int min, int max) {
    if (value.length() < min) {
      violations.addFieldViolationsBuilder().setField(field).setDescription("is required");
    } else if (value.length() > max) {
      violations.addFieldViolationsBuilder().setField(field)
          .setDescription("must be at most " + max + " UTF-16 code units");
    }
  }

  /** User-supplied text for a log line: no control characters, bounded. */
  private static String printable(String text) {
    String cleaned = text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
  }
}
