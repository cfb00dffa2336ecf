package io.cordon.client.track;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The i18n keys of the track views' failures, from the gRPC status a call ended with. */
public final class TrackErrors {
  public static final String NOT_FOUND = "track.error.notFound";
  public static final String DENIED = "track.error.denied";
  public static final String UNAVAILABLE = "track.error.unavailable";
  public static final String INVALID = "track.error.invalid";
  public static final String FAILED = "track.error.failed";

  private TrackErrors() {}

  static String keyOf(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    Status.Code code = Status.fromThrowable(cause).getCode();
    switch (code) {
      case NOT_FOUND:
        return NOT_FOUND;
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return DENIED;
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return UNAVAILABLE;
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
        return INVALID;
      default:
        return FAILED;
    }
  }
}
