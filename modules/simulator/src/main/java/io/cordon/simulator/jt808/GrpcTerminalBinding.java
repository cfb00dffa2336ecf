package io.cordon.simulator.jt808;

import io.cordon.api.v1.IssueTerminalRequest;
import io.cordon.api.v1.ReturnTerminalRequest;
import io.cordon.api.v1.TripServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issues and returns terminals through {@code TripService} as a gate would, signed in as the
 * simulator's device account. A refused session signs in again once; every call has a deadline.
 */
public final class GrpcTerminalBinding implements TerminalBinding {

  private final Channel channel;
  private final Supplier<CallCredentials> login;
  private final Duration timeout;
  /** Request ids must not repeat across runs (the server answers repeats with the first answer). */
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong counter = new AtomicLong();
  private volatile CallCredentials credentials;

  /**
   * @param login signs in and returns the session's credentials (e.g.
   *     {@link io.cordon.simulator.gate.AgentLogin})
   */
  public GrpcTerminalBinding(Channel channel, Supplier<CallCredentials> login, Duration timeout) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.login = Objects.requireNonNull(login, "login");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public void issue(String terminalNumber, HazmatPermit permit, String gateId) {
    IssueTerminalRequest request = IssueTerminalRequest.newBuilder().setRequestId(requestId())
        .setTerminalNumber(terminalNumber).setPlate(permit.plate()).setPlateColor(permit.plateColor())
        .setPermitId(permit.permitId()).setGateId(gateId).build();
    call(() -> stub().issueTerminal(request));
  }

  @Override
  public void giveBack(String terminalNumber, String gateId) {
    ReturnTerminalRequest request = ReturnTerminalRequest.newBuilder().setRequestId(requestId())
        .setTerminalNumber(terminalNumber).setGateId(gateId).build();
    call(() -> stub().returnTerminal(request));
  }

  private String requestId() {
    return "jt808-sim-" + runId + "-" + counter.incrementAndGet();
  }

  private TripServiceGrpc.TripServiceBlockingStub stub() {
    if (credentials == null) {
      credentials = login.get();
    }
    return TripServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void call(Runnable rpc) {
    try {
      rpc.run();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNAUTHENTICATED) {
        throw e;
      }
      credentials = null; // session expired or server restarted: sign in again, once
      rpc.run();
    }
  }
}
