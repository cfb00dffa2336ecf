package io.cordon.server.registration;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a unary call: the result, the refusal's status, or UNAVAILABLE (logged) when the work failed otherwise. */
final class Rpc {

  static final int MAX_REQUEST_ID = 64;
  private static final Logger log = LoggerFactory.getLogger(Rpc.class);

  private Rpc() {
  }

  static <T> void answer(StreamObserver<T> observer, String what, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (RegistrationException e) {
      observer.onError(e.status());
      return;
    } catch (RuntimeException e) {
      log.warn("{} failed", what, e);
      observer.onError(Status.UNAVAILABLE.withDescription(what + " failed; retry with the same request_id")
          .asRuntimeException());
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }

  /** The journal request key of a mutating call: per user, so two users' request ids never collide. */
  static String key(String feature, Caller caller, String requestId) {
    if (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID
        || requestId.chars().anyMatch(Character::isISOControl)) {
      throw RegistrationException.invalid("request_id", "is required: 1.." + MAX_REQUEST_ID + " characters");
    }
    return "reg-" + feature + "/" + caller.name() + "/" + requestId;
  }
}
