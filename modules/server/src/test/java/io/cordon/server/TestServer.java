package io.cordon.server;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A real server on a loopback ephemeral port with an H2 database in a test directory. */
public final class TestServer implements AutoCloseable {

  private final ServerConfig config;
  private volatile CordonServer server;
  private volatile ManagedChannel channel;

  private TestServer(ServerConfig config) {
    this.config = config;
    startServer();
  }

  /** With the demo users (operator/operator, device/device …). */
  public static TestServer withDemoUsers(Path dataDir) {
    return new TestServer(ServerConfig.builder().dataDir(dataDir).demoUsers(true).build());
  }

  public static TestServer with(ServerConfig config) {
    return new TestServer(config);
  }

  private void startServer() {
    server = CordonServer.start(config);
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  /** The running server, for what only the embedding process does (registering camera streams). */
  public CordonServer server() {
    return server;
  }

  public ManagedChannel channel() {
    return channel;
  }

  public int port() {
    return server.grpcPort();
  }

  /** Closes and starts the server again on the same data directory (a new port). */
  public void restart() {
    stop();
    startServer();
  }

  /**
   * Closes the server first, as an operator's shutdown would, so that clients see how the server
   * itself ends their calls; then this test channel.
   */
  public void stop() {
    server.close();
    channel.shutdownNow();
  }

  /** Logs in a user whose password equals the user name (the demo users) and returns its token. */
  public String login(String username) {
    return AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(username).build())
        .getToken();
  }

  public static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  @Override
  public void close() {
    stop();
  }
}
