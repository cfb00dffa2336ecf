package io.cordon.server.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a call is refused with a status code and a BadRequest naming one field. */
public final class Refusals {
  private Refusals() {
  }

  public static void assertRefused(ThrowingCallable call, Status.Code code, String field) {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(code);
    try {
      assertThat(StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
          .extracting(BadRequest.FieldViolation::getField).containsExactly(field);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
