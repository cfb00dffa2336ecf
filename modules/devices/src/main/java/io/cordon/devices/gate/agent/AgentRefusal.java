package io.cordon.devices.gate.agent;

import com.google.rpc.Code;
import io.cordon.api.v1.AgentError;
import java.util.Objects;

/**
 * The backend refuses one message: it becomes an {@code AgentError} naming the field, and the
 * stream stays open.
 */
public final class AgentRefusal extends RuntimeException {

  private final String field;
  private final Code code;

  public AgentRefusal(Code code, String field, String description) {
    super(description);
    this.code = Objects.requireNonNull(code, "code");
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }

  public Code code() {
    return code;
  }

  AgentError toError(String requestId) {
    return AgentError.newBuilder().setRequestId(requestId).setField(field).setDescription(getMessage())
        .setCode(code.getNumber()).build();
  }
}
