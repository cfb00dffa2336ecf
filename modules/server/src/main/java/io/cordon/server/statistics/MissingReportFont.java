package io.cordon.server.statistics;

import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.cordon.server.report.pdf.FontLocator;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A PDF export refused because the server has no usable CJK font: the server's configuration is at fault, not the
 * request, so FAILED_PRECONDITION (as for the incident reports) with the key to set and the package to install.
 */
final class MissingReportFont extends RuntimeException {

  MissingReportFont(IllegalStateException cause) {
    super(cause.getMessage(), cause);
  }

  /** FAILED_PRECONDITION with a PreconditionFailure on the configuration key {@value FontLocator#CONFIG_KEY}. */
  StatusRuntimeException status() {
    String message = "statistics export: " + getMessage();
    PreconditionFailure failure = PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation
        .newBuilder().setType("CONFIG").setSubject(FontLocator.CONFIG_KEY).setDescription(getMessage())).build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.FAILED_PRECONDITION.getNumber()).setMessage(message)
        .addDetails(com.google.protobuf.Any.pack(failure)).build());
  }
}
