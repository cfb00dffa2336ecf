package io.cordon.bench.alarm;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The demo device's session token as call credentials ("authorization: Bearer …"). */
public final class Token extends CallCredentials {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String value;

  private Token(String value) {
    this.value = value;
  }

  /** Logs in a demo user, whose password is its name. */
  public static Token login(Channel channel, String username) {
    return new Token(AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(username).build())
        .getToken());
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + value);
    applier.apply(headers);
  }
}
