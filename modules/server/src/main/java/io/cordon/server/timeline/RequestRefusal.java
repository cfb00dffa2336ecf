package io.cordon.server.timeline;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Objects;

/**
 * A request refused for one field: INVALID_ARGUMENT for a bad value, NOT_FOUND for an id nobody knows,
 * FAILED_PRECONDITION for a state that forbids it, UNAVAILABLE when the server could not do it now (a retry may
 * succeed). Becomes a gRPC status with a {@code google.rpc.BadRequest}
 * naming the field, so the client can point at it.
 */
public final class RequestRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final String field;

  private RequestRefusal(Status.Code code, String field, String description) {
    super(field + ": " + description);
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
  }

  public static RequestRefusal invalid(String field, String description) {
    return new RequestRefusal(Status.Code.INVALID_ARGUMENT, field, description);
  }

  public static RequestRefusal notFound(String field, String description) {
    return new RequestRefusal(Status.Code.NOT_FOUND, field, description);
  }

  public static RequestRefusal failedPrecondition(String field, String description) {
    return new RequestRefusal(Status.Code.FAILED_PRECONDITION, field, description);
  }

  public static RequestRefusal unavailable(String field, String description) {
    return new RequestRefusal(Status.Code.UNAVAILABLE, field, description);
  }

  public Status.Code code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The status to answer with: the code, the message and the field violation. */
  public StatusRuntimeException toStatus() {
    BadRequest badRequest = BadRequest.newBuilder()
        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(getMessage()))
        .build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(getMessage())
        .addDetails(com.google.protobuf.Any.pack(badRequest))
        .build());
  }
}
