package io.cordon.server.persistence;

import java.util.Objects;

/** Where the database is. The password is never part of {@link #toString()}. */
public record DatabaseSettings(String url, String user, String password) {
  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + "]";
  }
}
