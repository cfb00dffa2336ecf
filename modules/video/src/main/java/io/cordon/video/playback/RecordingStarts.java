package io.cordon.video.playback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks the relay where a playback URL would start: a {@code HEAD} answered with {@value #HEADER}, the wall-clock
 * time of the key frame the recording is played from (at most one GOP before the asked instant). The player adds
 * libVLC's media time to it, so its clock shows true wall time.
 */
public final class RecordingStarts {
  public static final String HEADER = "X-Cordon-Start";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RecordingStarts() {
  }

  /** Fails with {@link NoRecordingException} when the relay has no recording there (404) or says no. */
  public static CompletableFuture<Instant> probe(URI playbackUrl) {
    HttpRequest head = HttpRequest.newBuilder(playbackUrl).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10)).build();
    return HTTP.sendAsync(head, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new CompletionException(new NoRecordingException("relay answered " + response.statusCode()));
      }
      String start = response.headers().firstValue(HEADER)
          .orElseThrow(() -> new CompletionException(new NoRecordingException("relay sent no " + HEADER)));
      try {
        return Instant.parse(start);
      } catch (DateTimeParseException e) {
        throw new CompletionException(new NoRecordingException("unreadable " + HEADER + ": " + start));
      }
    });
  }

  /** Nothing recorded at or after the asked instant, or the relay refused. */
  public static final class NoRecordingException extends RuntimeException {
    public NoRecordingException(String message) {
      super(message);
    }
  }
}
