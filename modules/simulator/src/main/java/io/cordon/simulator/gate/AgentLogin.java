package io.cordon.simulator.gate;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Signs in for a gate agent's session: a fresh login before each (re)connect, sent as
 * "authorization: Bearer …". Throws (the agent retries with backoff) while the server is down.
 */
public final class AgentLogin implements Supplier<CallCredentials> {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Channel channel;
  private final String username;
  private final String password;
  private final Duration timeout;

  public AgentLogin(Channel channel, String username, String password, Duration timeout) {
    this.channel = channel;
    this.username = username;
    this.password = password;
    this.timeout = timeout;
  }

  @Override
  public CallCredentials get() {
    String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).setWorkstation("gate-agent")
            .build()).getToken();
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
}
