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
 *
 * <p>The server can be stopped and started again on the same port and data directory while the
 * client and the simulator keep running — as after a server crash and restart; both find it
 * again by themselves, and the journal carries on from where it stopped.
 */
public final class EmbeddedBackend implements Backend {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);
  static final String LOOPBACK = "127.0.0.1";

  private final Path dataDir;
  private final ServerAddress address;
  private final AutoCloseable simulator;
  private final EmbeddedCameras cameras;
  private final int jt808Port;
  // guarded by this; null while stopped
  private CordonServer server;

  private EmbeddedBackend(Path dataDir, CordonServer server, AutoCloseable simulator) {
    this.dataDir = dataDir;
    this.server = server;
    this.simulator = simulator;
    this.address = new ServerAddress(LOOPBACK, server.grpcPort());
    this.jt808Port = server.jt808Port().orElse(-1);
    this.cameras = EmbeddedCameras.start(this::runningServer, EmbeddedCameras.DEFAULT_COUNT);
  }

  /** The server running now (null while stopped): tests and the demo cameras register streams with it. */
  public synchronized CordonServer runningServer() {
    return server;
  }

  /** Starts server and simulator; blocking (seconds), so never on the FX thread. */
  public static EmbeddedBackend start(Path dataDir) {
    CordonServer server = CordonServer.start(config(dataDir, 0, 0));
    try {
      AutoCloseable simulator =
          EmbeddedSimulator.start(new ServerAddress(LOOPBACK, server.grpcPort()), server.jt808Port());
      log.info("embedded server on {}:{} with data in {}", LOOPBACK, server.grpcPort(), dataDir);
      return new EmbeddedBackend(dataDir, server, simulator);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static ServerConfig config(Path dataDir, int port, int jt808Port) {
    return ServerConfig.builder().dataDir(dataDir).bindAddress(LOOPBACK).grpcPort(port).jt808Port(jt808Port)
        .demoUsers(true).demoRegistry(true).recording(demoRecording()).build();
  }

  /**
   * The demo records every camera (pre-alarm video, playback) unless {@code CORDON_RECORDING_*} says otherwise;
   * a server of its own records only what its configuration names.
   */
  static io.cordon.server.video.recording.RecordingConfig demoRecording() {
    return io.cordon.server.video.recording.RecordingConfig.read((key, env) -> java.util.Optional
        .ofNullable(System.getenv(env)).filter(v -> !v.isBlank())
        .or(() -> key.equals("recording.cameras") ? java.util.Optional.of("all") : java.util.Optional.empty()),
        new java.util.Properties());
  }

  @Override
  public ServerAddress address() {
    return address;
  }

  @Override
  public boolean embedded() {
    return true;
  }

  /** True unless {@link #stopServer()} stopped the server (and it was not started again). */
  public synchronized boolean serverRunning() {
    return server != null;
  }

  /**
   * Stops the server only, as if it had gone away: live streams end, calls fail with
   * UNAVAILABLE, the database is released. Blocking (seconds); does nothing when stopped.
   */
  public synchronized void stopServer() {
    if (server != null) {
      log.info("stopping the embedded server on {}", address);
      server.close();
      server = null;
    }
  }

  /**
   * Starts the server again on the same port and data directory, so that clients and the
   * simulator, which keep the address, find it again. Blocking (seconds); does nothing when
   * running.
   *
   * @throws java.io.UncheckedIOException when the port has been taken meanwhile
   */
  public synchronized void startServer() {
    if (server == null) {
      server = CordonServer.start(config(dataDir, address.port(), jt808Port)); // the terminals keep their port
      cameras.registerWith(server);
      log.info("embedded server started again on {}", address);
    }
  }

  /** Stops the server and starts it again on the same port and data directory. */
  public synchronized void restartServer() {
    stopServer();
    startServer();
  }

  @Override
  public void close() {
    try {
      cameras.close();
    } catch (Exception e) {
      log.warn("demo cameras did not stop cleanly", e);
    }
    try {
      simulator.close();
    } catch (Exception e) {
      log.warn("simulator did not stop cleanly", e);
    }
    try {
      stopServer();
    } catch (RuntimeException e) {
      log.warn("embedded server did not stop cleanly", e);
    }
  }
}
