package io.cordon.server.track.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.ReturnTerminalRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Requests and status checks shared by the trip tests. */
final class TripCalls {

  static final String TERMINAL = "013912345678";
  static final String OTHER_TERMINAL = "01391234567800000001";
  static final String TRUCK = "苏E12345";
  static final String OTHER_TRUCK = "苏E67890";

  private TripCalls() {
  }

  static IssueTerminalRequest issue(String requestId, String terminal, String plate, String permitId, String gate) {
    return IssueTerminalRequest.newBuilder().setRequestId(requestId).setTerminalNumber(terminal).setPlate(plate)
        .setPlateColor(PlateColor.PLATE_COLOR_YELLOW).setPermitId(permitId).setGateId(gate).build();
  }

  static ReturnTerminalRequest giveBack(String requestId, String terminal, String gate) {
    return ReturnTerminalRequest.newBuilder().setRequestId(requestId).setTerminalNumber(terminal).setGateId(gate)
        .build();
  }

  /** Asserts the call fails with {@code code} and a BadRequest naming {@code field}. */
  static void assertRefused(ThrowingCallable call, Status.Code code, String field) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail").isNotNull();
    assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
    assertThat(fields(e)).contains(field);
  }

  static List<String> fields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("status details of " + e.getStatus()).isNotNull();
    try {
      return status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
          .map(BadRequest.FieldViolation::getField).toList();
    } catch (InvalidProtocolBufferException e1) {
      throw new AssertionError(e1);
    }
  }
}
