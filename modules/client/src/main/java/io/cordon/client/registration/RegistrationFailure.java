package io.cordon.client.registration;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A refused or failed registration call as a view shows it: what kind of refusal (so the view can
 * say "reload" or "not allowed") and the server's field violations, which name the offending field.
 */
public record RegistrationFailure(Kind kind, String message, List<FieldError> fields) {

  public enum Kind {
    /** INVALID_ARGUMENT: the request's fields say what to fix. */
    INVALID,
    /** FAILED_PRECONDITION: someone changed it first (reload), or not allowed in its state. */
    CONFLICT,
    /** PERMISSION_DENIED or UNAUTHENTICATED. */
    DENIED,
    NOT_FOUND,
    /** UNAVAILABLE or DEADLINE_EXCEEDED: the server did not answer. */
    UNREACHABLE,
    OTHER
  }

  public RegistrationFailure {
    Objects.requireNonNull(kind, "kind");
    message = message == null ? "" : message;
    fields = List.copyOf(fields);
  }

  /** Reads a call's failure (unwrapping the future's wrapper exceptions). */
  public static RegistrationFailure of(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (!(t instanceof StatusRuntimeException e)) {
      return new RegistrationFailure(Kind.OTHER, String.valueOf(t.getMessage()), List.of());
    }
    Status status = e.getStatus();
    return new RegistrationFailure(kind(status.getCode()), status.getDescription(), violations(e));
  }

  /** The violation of one field, if the server named it. */
  public java.util.Optional<FieldError> field(String name) {
    return fields.stream().filter(f -> f.field().equals(name)).findFirst();
  }

  private static Kind kind(Status.Code code) {
    switch (code) {
      case INVALID_ARGUMENT:
        return Kind.INVALID;
      case FAILED_PRECONDITION:
      case ABORTED:
        return Kind.CONFLICT;
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return Kind.DENIED;
      case NOT_FOUND:
        return Kind.NOT_FOUND;
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return Kind.UNREACHABLE;
      default:
        return Kind.OTHER;
    }
  }

  private static List<FieldError> violations(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    List<FieldError> result = new ArrayList<>();
    if (status == null) {
      return result;
    }
    for (com.google.protobuf.Any detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          detail.unpack(BadRequest.class).getFieldViolationsList()
              .forEach(v -> result.add(new FieldError(v.getField(), v.getDescription())));
        } catch (InvalidProtocolBufferException ignored) {
          // a malformed detail says nothing we could show
        }
      }
    }
    return result;
  }
}
