package io.cordon.server.statistics;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** A request the statistics refuse, naming the field at fault. */
public final class StatisticsRefusal extends RuntimeException {

  private final String field;

  StatisticsRefusal(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** INVALID_ARGUMENT with a BadRequest field violation. */
  StatusRuntimeException status() {
    BadRequest violation = BadRequest.newBuilder().addFieldViolations(
        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(getMessage())).build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT.getNumber()).setMessage(getMessage())
        .addDetails(com.google.protobuf.Any.pack(violation)).build());
  }
}
