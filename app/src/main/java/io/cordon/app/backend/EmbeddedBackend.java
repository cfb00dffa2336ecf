package io.cordon.app.backend;

import io.cordon.client.connection.ServerAddress;
import io.cordon.server.CordonServer;
import io.cordon.server.ServerConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded mode: the server runs in this JVM on a loopback ephemeral port with its H2 database in
 * {@code dataDir}, demo users on, and the park simulator feeding it as a device would. The
 * client then connects through ordinary gRPC, exactly as to a remote server.
 */
public final class EmbeddedBackend implements Backend {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);
  static final String LOOPBACK = "127.0.0.1";

  private final CordonServer server;
  private final AutoCloseable simulator;
  private final ServerAddress address;

  private EmbeddedBackend(CordonServer server, AutoCloseable simulator) {
    this.server = server;
    this.simulator = simulator;
    this.address = new ServerAddress(LOOPBACK, server.grpcPort());
  }

  /** Starts server and simulator; blocking (seconds), so never on the FX thread. */
  public static EmbeddedBackend start(Path dataDir) {
    CordonServer server =
        CordonServer.start(
            ServerConfig.builder().dataDir(dataDir).bindAddress(LOOPBACK).grpcPort(0).demoUsers(true).build());
    try {
      AutoCloseable simulator = EmbeddedSimulator.start(new ServerAddress(LOOPBACK, server.grpcPort()));
      log.info("embedded server on {}:{} with data in {}", LOOPBACK, server.grpcPort(), dataDir);
      return new EmbeddedBackend(server, simulator);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public ServerAddress address() {
    return address;
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public void close() {
    try {
      simulator.close();
    } catch (Exception e) {
      log.warn("simulator did not stop cleanly", e);
    }
    try {
      server.close();
    } catch (RuntimeException e) {
      log.warn("embedded server did not stop cleanly", e);
    }
  }
}
