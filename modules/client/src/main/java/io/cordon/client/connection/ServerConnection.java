package io.cordon.client.connection;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GetParkRequest;
import io.cordon.api.v1.GetParkResponse;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.LoginResponse;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.client.auth.Authenticator;
import io.cordon.client.auth.Session;
import io.cordon.client.map.ParkSource;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's one link to a server: owns the channel, signs in, and attaches the session token
 * to every call. Unary calls block only on {@link ClientExecutors#background()} threads; the
 * {@code …Async} variants are what view models use.
 */
public final class ServerConnection implements Authenticator, ParkSource, AutoCloseable {
  /** Every unary call gets this deadline; only the live event stream has none. */
  public static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

  /**
   * How long a link may be silent while a call is open before the channel pings: the live track
   * stream sends nothing while no vehicle moves, and without pings a half-open TCP link (a NAT or
   * firewall dropped it) would never be noticed.
   */
  public static final Duration KEEPALIVE_TIME = Duration.ofSeconds(20);

  /** How long a keepalive ping may go unanswered before the link counts as dead. */
  public static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

  private record Credentials(String username, String password) {}

  private final ServerAddress address;
  private final ManagedChannel channel;
  private final ClientExecutors executors;
  private final AtomicReference<String> token = new AtomicReference<>();
  private final AtomicReference<Credentials> credentials = new AtomicReference<>();
  private final CallCredentials callCredentials = new BearerTokenCredentials(token::get);

  /** Takes over {@code channel}; {@link #close()} shuts it down. */
  public ServerConnection(ServerAddress address, ManagedChannel channel, ClientExecutors executors) {
    this.address = Objects.requireNonNull(address, "address");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.executors = Objects.requireNonNull(executors, "executors");
  }

  /** A plaintext connection to {@code address} (TLS comes with the production set-up). */
  public static ServerConnection open(ServerAddress address, ClientExecutors executors) {
    return open(address, executors, KEEPALIVE_TIME, KEEPALIVE_TIMEOUT);
  }

  /**
   * A plaintext connection with its own keepalive: while a call is open and nothing has been read
   * for {@code keepAliveTime} (gRPC raises anything below 10 s to 10 s) the channel pings, and
   * when no answer comes within {@code keepAliveTimeout} it drops the link, so the open streams
   * fail and reconnect. The server must permit that interval ({@code
   * CordonServer.PERMIT_KEEPALIVE_TIME}) or it answers with GOAWAY too_many_pings.
   */
  public static ServerConnection open(
      ServerAddress address, ClientExecutors executors, Duration keepAliveTime, Duration keepAliveTimeout) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(address.host(), address.port())
            .usePlaintext()
            .executor(executors.background())
            .keepAliveTime(keepAliveTime.toMillis(), TimeUnit.MILLISECONDS)
            .keepAliveTimeout(keepAliveTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .keepAliveWithoutCalls(false) // idle links need no pings; the live streams are calls
            .build();
    return new ServerConnection(address, channel, executors);
  }

  public ServerAddress address() {
    return address;
  }

  public ClientExecutors executors() {
    return executors;
  }

  /** The raw channel, for stubs that add {@link #callCredentials()} themselves. */
  public Channel channel() {
    return channel;
  }

  public CallCredentials callCredentials() {
    return callCredentials;
  }

  /** Signs in (blocking) and keeps the token for every later call. */
  public Session signIn(String username, String password) {
    LoginResponse response =
        AuthServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .login(
                LoginRequest.newBuilder()
                    .setUsername(username)
                    .setPassword(password)
                    .setWorkstation(workstationName())
                    .build());
    token.set(response.getToken());
    credentials.set(new Credentials(username, password));
    String displayName = response.getDisplayName().isBlank() ? username : response.getDisplayName();
    return new Session(username, displayName, response.getRolesList());
  }

  @Override
  public CompletableFuture<Session> login(String username, String password) {
    return CompletableFuture.supplyAsync(() -> signIn(username, password), executors.background());
  }

  /**
   * Signs in again with the last credentials that worked: after a server restart the old token
   * may no longer be known. Blocking.
   */
  public Session signInAgain() {
    Credentials last = credentials.get();
    if (last == null) {
      throw Status.UNAUTHENTICATED.withDescription("never signed in").asRuntimeException();
    }
    return signIn(last.username(), last.password());
  }

  public boolean isSignedIn() {
    return token.get() != null;
  }

  /** The park plan (blocking). */
  public Park getPark() {
    GetParkResponse response =
        ParkServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(callCredentials)
            .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .getPark(GetParkRequest.newBuilder().setKnownVersion(0).build());
    return response.getPark();
  }

  @Override
  public CompletableFuture<Park> fetchPark() {
    return CompletableFuture.supplyAsync(this::getPark, executors.background());
  }

  /** An async event stub with the session token and no deadline, for the live stream. */
  public EventServiceGrpc.EventServiceStub eventStreamStub() {
    return EventServiceGrpc.newStub(channel).withCallCredentials(callCredentials);
  }

  /** Lets the next call try the server at once instead of waiting out the channel's own backoff. */
  public void resetConnectBackoff() {
    channel.resetConnectBackoff();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("channel to {} did not terminate within 5 s", address);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True when {@code e} means the server could not be reached, not that it said no. */
  public static boolean isUnreachable(Throwable e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof StatusRuntimeException)) {
      cause = cause.getCause();
    }
    if (cause instanceof StatusRuntimeException sre) {
      Status.Code code = sre.getStatus().getCode();
      return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }
    return false;
  }

  private static String workstationName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
