package io.cordon.bench.event;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.LoginRequest;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Metadata;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A logged-in user's token as call credentials ("authorization: Bearer …"). */
final class Bearer extends CallCredentials {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;

  private Bearer(String token) {
    this.token = token;
  }

  /** Logs in a demo user, whose password is its name. */
  static Bearer login(Channel channel, String username) {
    String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(username).build())
        .getToken();
    return new Bearer(token);
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }
}
