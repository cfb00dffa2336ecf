package io.cordon.app.backend;

import io.cordon.client.connection.ServerAddress;

/** The server the client talks to: started in-process (embedded mode) or somewhere else. */
public interface Backend extends AutoCloseable {
  ServerAddress address();

  /** True when this process runs the server (and the simulator) itself. */
  boolean embedded();

  /** Stops what this process started; never throws. */
  @Override
  void close();
}
