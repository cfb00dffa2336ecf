package io.cordon.client.incident;

import io.cordon.api.v1.IncidentCameraClip;
import io.cordon.api.v1.IncidentClips;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Downloads an incident's clips from the relay into a folder and checks each file against the SHA-256 the server
 * recorded. The URLs' tickets only let a download start within a minute of the export, so all downloads start at
 * once rather than one after another. A file is written as {@code .part} and renamed only when its hash matches.
 */
public final class ClipDownloads {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;

  public ClipDownloads() {
    this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build());
  }

  /** @param http the client the downloads share (its connect timeout and redirect policy apply) */
  public ClipDownloads(HttpClient http) {
    this.http = java.util.Objects.requireNonNull(http, "http");
  }

  /** A clip saved and checked. */
  public record SavedClip(String cameraId, String cameraName, Path file, long bytes, String sha256) {}

  /** A download the relay refused or whose bytes did not match the recorded hash. */
  public static final class ClipDownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fileName;
    private final boolean hashMismatch;

    ClipDownloadException(String fileName, boolean hashMismatch, String message) {
      super(message);
      this.fileName = fileName;
      this.hashMismatch = hashMismatch;
    }

    public String fileName() {
      return fileName;
    }

    /** True when the bytes arrived but their SHA-256 is not the one the server recorded. */
    public boolean hashMismatch() {
      return hashMismatch;
    }
  }

  /**
   * Saves every clip of {@code clips} into {@code folder} under its file name; completes with them in the answer's
   * order, or exceptionally with the first {@link ClipDownloadException} or {@link UncheckedIOException}.
   */
  public CompletableFuture<List<SavedClip>> download(IncidentClips clips, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
    List<CompletableFuture<SavedClip>> downloads = new ArrayList<>();
    for (IncidentCameraClip clip : clips.getClipsList()) {
      downloads.add(download(clip, folder));
    }
    return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
        .thenApply(done -> downloads.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<SavedClip> download(IncidentCameraClip clip, Path folder) {
    String name = clip.getClip().getFileName();
    if (clip.getClip().getUrl().isEmpty() || name.isEmpty() || !Path.of(name).getFileName().toString().equals(name)) {
      return CompletableFuture.failedFuture(new ClipDownloadException(name, false, "no download for " + name));
    }
    Path target = folder.resolve(name);
    Path partial = folder.resolve(name + ".part");
    HttpRequest request = HttpRequest.newBuilder(URI.create(clip.getClip().getUrl())).GET().build();
    CompletableFuture<HttpResponse<Path>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofFile(partial))
        .exceptionally(failure -> {
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure;
          try {
            Files.deleteIfExists(partial);
          } catch (IOException e) {
            cause.addSuppressed(e);
          }
          throw new CompletionException(new ClipDownloadException(name, false,
              "the download of " + name + " failed: " + cause));
        });
    return sent.thenApply(response -> {
      try {
        if (response.statusCode() != 200) {
          Files.deleteIfExists(partial);
          throw new CompletionException(new ClipDownloadException(name, false,
              "the relay answered " + response.statusCode() + " for " + name));
        }
        String sha256 = sha256(partial);
        if (!sha256.equalsIgnoreCase(clip.getSha256())) {
          Files.deleteIfExists(partial);
          throw new CompletionException(new ClipDownloadException(name, true,
              name + ": SHA-256 " + sha256 + " is not the recorded " + clip.getSha256()));
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return new SavedClip(clip.getCameraId(), clip.getCameraName(), target, Files.size(target), sha256);
      } catch (IOException e) {
        throw new CompletionException(new UncheckedIOException(e));
      }
    });
  }

  static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
