package io.cordon.server.gate.emergency;

import com.google.rpc.Code;
import io.cordon.devices.gate.FieldViolations;
import io.grpc.StatusRuntimeException;
import java.util.Objects;

/** An emergency request that cannot be carried out, naming the field (or "emergency") that stops it. */
public final class EmergencyRefusal extends RuntimeException {

  private final Code code;
  private final String field;

  public EmergencyRefusal(Code code, String field, String description) {
    super(field + " " + description);
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
  }

  public Code code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The gRPC status with a field violation. */
  public StatusRuntimeException toStatus() {
    return FieldViolations.single(code, "emergency request refused: " + getMessage(), field,
        getMessage().substring(field.length() + 1));
  }
}
