package io.cordon.client.connection;

import io.cordon.api.v1.AuthServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the sign-ins (AuthService/Login calls) a channel makes. */
public final class LoginCounter implements ClientInterceptor {

  private final AtomicInteger logins = new AtomicInteger();

  public int logins() {
    return logins.get();
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    if (method.getFullMethodName().equals(AuthServiceGrpc.getLoginMethod().getFullMethodName())) {
      logins.incrementAndGet();
    }
    return next.newCall(method, callOptions);
  }
}
