package io.cordon.simulator.jt808;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JT/T 808 fleet inside the park simulator: signs in as the device account, reads the park
 * plan, then runs a {@link Jt808Fleet} against the JT/T 808 port, issuing and returning terminals
 * through TripService when the settings bind at the gates. Retries quietly until the server is up.
 */
public final class Jt808Traffic implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Jt808Traffic.class);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Channel channel;
  private final String username;
  private final String password;
  private final Jt808FleetSettings settings;
  private final Duration callTimeout;
  private final HazmatPermitSource permits;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Jt808Fleet fleet;

  /**
   * @param permits where bound trips find their permits (e.g. {@link GateAgentPermits})
   */
  public Jt808Traffic(Channel channel, String username, String password, Jt808FleetSettings settings,
      Duration callTimeout, HazmatPermitSource permits) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.thread = new Thread(this::run, "jt808-sim-start");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The running fleet, null until the park plan was read. */
  public Jt808Fleet fleet() {
    return fleet;
  }

  private void run() {
    Supplier<CallCredentials> login = this::login;
    long backoff = 500;
    while (!closed) {
      try {
        Park park = ParkServiceGrpc.newBlockingStub(channel).withCallCredentials(login.get())
            .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .getPark(GetParkRequest.getDefaultInstance()).getPark();
        TerminalBinding binding = new GrpcTerminalBinding(channel, login, callTimeout);
        synchronized (this) {
          if (!closed) {
            fleet = new Jt808Fleet(settings, park, binding, permits).start();
          }
        }
        return;
      } catch (StatusRuntimeException e) {
        log.debug("JT/T 808 fleet waits for the server: {}", e.getStatus());
      } catch (IllegalArgumentException e) {
        log.warn("JT/T 808 fleet not started: {}", e.getMessage());
        return;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(5_000, backoff * 2);
    }
  }

  private CallCredentials login() {
    String token = AuthServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
            .setWorkstation("jt808-simulator").build()).getToken();
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        applier.apply(headers);
      }

      @Override
      public String toString() {
        return "BearerToken[hidden]";
      }
    };
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (fleet != null) {
        fleet.close();
      }
    }
    thread.interrupt();
  }
}
