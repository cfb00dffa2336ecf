package io.cordon.server.gate.emergency;

import com.google.rpc.Code;
import io.cordon.api.v1.EmergencyScope;
import io.cordon.api.v1.EmergencyStatus;
import io.cordon.api.v1.EndEmergencyRequest;
import io.cordon.api.v1.OpenEmergencyRequest;
import io.cordon.api.v1.RetryEmergencyGateRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.WatchEmergencyRequest;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.park.GateId;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emergency RPCs of {@code GateService}: checks the requests (fields named in violations),
 * the second person's password, and hands them to {@link EmergencyOpening}. The caller's role was
 * checked by the access policy before this runs.
 */
public final class EmergencyRpcs {

  static final int MAX_REQUEST_ID_LENGTH = 64;
  static final int MAX_ID_LENGTH = 64;
  static final int MIN_REASON_LENGTH = 2;
  static final int MAX_REASON_LENGTH = 200;
  static final int MAX_PASSWORD_LENGTH = 256;

  private static final Logger log = LoggerFactory.getLogger(EmergencyRpcs.class);

  private final EmergencyOpening opening;
  private final SecondPersonCheck secondPersonCheck;

  public EmergencyRpcs(EmergencyOpening opening, SecondPersonCheck secondPersonCheck) {
    this.opening = Objects.requireNonNull(opening, "opening");
    this.secondPersonCheck = Objects.requireNonNull(secondPersonCheck, "secondPersonCheck");
  }

  public void open(OpenEmergencyRequest request, StreamObserver<EmergencyStatus> observer) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH);
    String reason = checkReason(violations, request.getReason());
    if (request.getScope() != EmergencyScope.EMERGENCY_SCOPE_EMERGENCY_GATES
        && request.getScope() != EmergencyScope.EMERGENCY_SCOPE_EVACUATION) {
      violations.add("scope", "must be EMERGENCY_GATES or EVACUATION");
    }
    String second = request.getSecondPerson().strip();
    violations.checkOptionalText("second_person", second, MAX_ID_LENGTH);
    if (request.getSecondPassword().length() > MAX_PASSWORD_LENGTH) {
      violations.add("second_password", "is longer than " + MAX_PASSWORD_LENGTH + " characters");
    }
    if (second.isEmpty() && opening.settings().secondPersonRequired()) {
      violations.add("second_person", "is required: this server opens an emergency only with a second person");
    } else if (second.isEmpty() && !request.getSecondPassword().isEmpty()) {
      violations.add("second_person", "is required with second_password");
    } else if (!second.isEmpty() && request.getSecondPassword().isEmpty()) {
      violations.add("second_password", "is required with second_person");
    }
    if (!violations.isEmpty()) {
      observer.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid emergency opening"));
      return;
    }
    Optional<AuthenticatedUser> user = AuthContext.currentUser();
    if (user.isEmpty()) {
      observer.onError(unauthenticated());
      return;
    }
    if (!second.isEmpty()) {
      Optional<StatusRuntimeException> refused =
          checkSecondPerson(user.get(), second, request.getSecondPassword());
      if (refused.isPresent()) {
        observer.onError(refused.get());
        return;
      }
    }
    EmergencyOpening.OpenRequest open =
        new EmergencyOpening.OpenRequest(request.getRequestId(), reason, request.getScope(), second);
    answer(observer, "open an emergency", () -> opening.open(user.get().username(), open));
  }

  public void retry(RetryEmergencyGateRequest request, StreamObserver<EmergencyStatus> observer) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkText("emergency_id", request.getEmergencyId(), 1, MAX_ID_LENGTH)
        .checkText("gate_id", request.getGateId(), 1, MAX_ID_LENGTH);
    if (!violations.isEmpty()) {
      observer.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid emergency retry"));
      return;
    }
    Optional<AuthenticatedUser> user = AuthContext.currentUser();
    if (user.isEmpty()) {
      observer.onError(unauthenticated());
      return;
    }
    answer(observer, "retry an emergency gate", () -> opening.retry(user.get().username(), request.getRequestId(),
        request.getEmergencyId(), new GateId(request.getGateId())));
  }

  public void end(EndEmergencyRequest request, StreamObserver<EmergencyStatus> observer) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID_LENGTH)
        .checkText("emergency_id", request.getEmergencyId(), 1, MAX_ID_LENGTH);
    String reason = checkReason(violations, request.getReason());
    if (!violations.isEmpty()) {
      observer.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid end of emergency"));
      return;
    }
    Optional<AuthenticatedUser> user = AuthContext.currentUser();
    if (user.isEmpty()) {
      observer.onError(unauthenticated());
      return;
    }
    answer(observer, "end an emergency", () -> opening.end(user.get().username(), request.getRequestId(),
        request.getEmergencyId(), reason));
  }

  public void watch(WatchEmergencyRequest request, StreamObserver<EmergencyStatus> responseObserver) {
    ServerCallStreamObserver<EmergencyStatus> observer = (ServerCallStreamObserver<EmergencyStatus>) responseObserver;
    AtomicReference<EmergencyOpening.Watch> watch = new AtomicReference<>();
    observer.setOnCancelHandler(() -> {
      EmergencyOpening.Watch w = watch.get();
      if (w != null) {
        w.close();
      }
    });
    watch.set(opening.watch(new EmergencyOpening.Watcher() {
      @Override
      public void status(EmergencyStatus status) {
        if (!observer.isCancelled()) {
          observer.onNext(status);
        }
      }

      @Override
      public void ended() {
        if (!observer.isCancelled()) {
          try {
            observer.onError(Status.UNAVAILABLE.withDescription("server shutting down; watch again")
                .asRuntimeException());
          } catch (RuntimeException alreadyClosed) {
            // the call is gone already
          }
        }
      }
    }));
    if (observer.isCancelled()) {
      watch.get().close(); // cancelled before the watch existed
    }
  }

  private static String checkReason(FieldViolations violations, String raw) {
    String reason = raw.strip();
    if (reason.length() < MIN_REASON_LENGTH) {
      violations.add("reason", "is required: " + MIN_REASON_LENGTH + ".." + MAX_REASON_LENGTH + " characters");
    } else {
      violations.checkText("reason", reason, MIN_REASON_LENGTH, MAX_REASON_LENGTH);
    }
    return reason;
  }

  /** The refusal of the second person, empty when they may confirm. */
  private Optional<StatusRuntimeException> checkSecondPerson(AuthenticatedUser caller, String second,
      String password) {
    if (second.equals(caller.username())) {
      return refuse(Code.INVALID_ARGUMENT, "second_person", "must be someone other than the caller");
    }
    Optional<AuthenticatedUser> confirmed;
    try {
      confirmed = secondPersonCheck.verify(second, password);
    } catch (SecondPersonCheck.Busy e) {
      return Optional.of(Status.UNAVAILABLE
          .withDescription("too many password checks at once; retry").asRuntimeException());
    } catch (RuntimeException e) {
      log.warn("Cannot check the second person's password", e);
      return Optional.of(Status.UNAVAILABLE
          .withDescription("cannot check the second person now; retry").asRuntimeException());
    }
    if (confirmed.isEmpty()) {
      log.warn("Emergency opening by {}: wrong password for second person {}", caller.username(), second);
      return refuse(Code.PERMISSION_DENIED, "second_password", "does not match second_person");
    }
    if (!confirmed.get().hasRole(Role.ROLE_OPERATOR) && !confirmed.get().hasRole(Role.ROLE_SUPERVISOR)) {
      return refuse(Code.PERMISSION_DENIED, "second_person",
          "may not confirm an emergency opening: only operators and supervisors may");
    }
    return Optional.empty();
  }

  private static Optional<StatusRuntimeException> refuse(Code code, String field, String description) {
    return Optional.of(new EmergencyRefusal(code, field, description).toStatus());
  }

  private static void answer(StreamObserver<EmergencyStatus> observer, String what, Supplier<EmergencyStatus> work) {
    EmergencyStatus status;
    try {
      status = work.get();
    } catch (EmergencyRefusal e) {
      observer.onError(e.toStatus());
      return;
    } catch (IllegalArgumentException e) {
      log.info("Could not {}: {}", what, e.getMessage());
      observer.onError(Status.INVALID_ARGUMENT.withDescription("the request holds data the server cannot store")
          .asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("Could not {}", what, e);
      observer.onError(Status.UNAVAILABLE.withDescription("could not " + what + " now; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    observer.onNext(status);
    observer.onCompleted();
  }

  private static StatusRuntimeException unauthenticated() {
    return Status.UNAUTHENTICATED.withDescription("a signed-in user is required").asRuntimeException();
  }
}
