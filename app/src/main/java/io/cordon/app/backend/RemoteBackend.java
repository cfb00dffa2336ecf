package io.cordon.app.backend;

import io.cordon.client.connection.ServerAddress;
import java.util.Objects;

/** A separate server started by someone else; nothing to stop. */
public record RemoteBackend(ServerAddress address) implements Backend {
  public RemoteBackend {
    Objects.requireNonNull(address, "address");
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public void close() {}
}
