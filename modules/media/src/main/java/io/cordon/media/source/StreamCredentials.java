package io.cordon.media.source;

import java.util.Objects;

/** A camera's login. Never printed: {@link #toString()} masks both fields. */
public record StreamCredentials(String username, String password) {
  public StreamCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "StreamCredentials[***]";
  }
}
