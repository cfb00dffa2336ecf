package io.cordon.client.timeline;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The i18n keys of the timeline's and the incidents' failures, from the gRPC status a call ended
 * with ({@code timeline.error.*}), and the fields a refusal named.
 */
public final class TimelineErrors {
  public static final String NOT_FOUND = "timeline.error.notFound";
  public static final String DENIED = "timeline.error.denied";
  public static final String UNAVAILABLE = "timeline.error.unavailable";
  /** The server has no timeline service yet (an older server). */
  public static final String UNIMPLEMENTED = "timeline.error.unimplemented";
  public static final String INVALID = "timeline.error.invalid";
  public static final String FAILED = "timeline.error.failed";

  private TimelineErrors() {}

  public static String keyOf(Throwable error) {
    Status.Code code = Status.fromThrowable(unwrap(error)).getCode();
    switch (code) {
      case NOT_FOUND:
        return NOT_FOUND;
      case PERMISSION_DENIED:
      case UNAUTHENTICATED:
        return DENIED;
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return UNAVAILABLE;
      case UNIMPLEMENTED:
        return UNIMPLEMENTED;
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
        return INVALID;
      default:
        return FAILED;
    }
  }

  /** "title: is required" for each field violation the server named; empty when it named none. */
  public static List<String> fieldViolations(Throwable error) {
    Throwable cause = unwrap(error);
    if (!(cause instanceof StatusRuntimeException e)) {
      return List.of();
    }
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return List.of();
    }
    return status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).flatMap(d -> {
      try {
        return d.unpack(BadRequest.class).getFieldViolationsList().stream()
            .map(v -> v.getField() + ": " + v.getDescription());
      } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
        return java.util.stream.Stream.empty();
      }
    }).toList();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
