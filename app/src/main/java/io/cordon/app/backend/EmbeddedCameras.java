package io.cordon.app.backend;

import io.cordon.media.source.CameraStream;
import io.cordon.media.source.Resolution;
import io.cordon.media.source.StreamProfile;
import io.cordon.server.CordonServer;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.simulator.camera.CameraTools;
import io.cordon.simulator.camera.TestCamera;
import io.cordon.simulator.camera.TestCameraServer;
import io.cordon.simulator.camera.TestStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's cameras: the simulator serves the first few sample-park cameras as real RTSP (VLC,
 * ffmpeg-made clips), and they are registered as those cameras' streams in the embedded server, so
 * the video wall plays them through the media relay like any real camera. Started in the
 * background (the first start makes the clips, up to a minute); without ffmpeg or VLC the demo runs
 * without pictures and the log says what is missing.
 */
public final class EmbeddedCameras implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCameras.class);
  /** Enough to fill a 3×3 wall; each VLC camera costs ~30 MB. System property cordon.demo.cameras (0: none). */
  static final int DEFAULT_COUNT = Integer.getInteger("cordon.demo.cameras", 9);

  private final Thread starter;
  private volatile TestCameraServer cameras;
  private volatile List<CameraStream> streams = List.of();
  private volatile boolean closed;

  private EmbeddedCameras(Supplier<CordonServer> server, int count) {
    starter = new Thread(() -> startCameras(server, count), "cordon-demo-cameras");
    starter.setDaemon(true);
  }

  /** Starts the cameras in the background and registers them with whichever server runs then. */
  static EmbeddedCameras start(Supplier<CordonServer> server, int count) {
    EmbeddedCameras embedded = new EmbeddedCameras(server, count);
    embedded.starter.start();
    return embedded;
  }

  private void startCameras(Supplier<CordonServer> server, int count) {
    if (count <= 0) {
      return;
    }
    CameraTools tools = CameraTools.detect();
    Optional<String> problem = tools.problem();
    if (problem.isPresent()) {
      log.warn("Demo cameras off: {}", problem.get());
      return;
    }
    List<TestCamera> wanted = TestCamera.of(ParkFileLoader.loadSample());
    wanted = wanted.subList(0, Math.min(count, wanted.size()));
    try {
      TestCameraServer started = TestCameraServer.start(wanted);
      if (closed) {
        started.close();
        return;
      }
      cameras = started;
      streams = streamsOf(started, wanted);
      registerWith(server.get());
      log.info("Demo cameras: {} simulated cameras serve RTSP", wanted.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Demo cameras could not start", e);
    }
  }

  /** The main and sub streams of simulated cameras, as the camera registry lists them. */
  public static List<CameraStream> streamsOf(TestCameraServer server, List<TestCamera> cameras) {
    List<CameraStream> list = new ArrayList<>();
    for (TestCamera camera : cameras) {
      for (TestStream stream : TestStream.values()) {
        server.url(camera.id(), stream).ifPresent(url -> list.add(CameraStream.of(camera.id(),
            stream == TestStream.MAIN ? StreamProfile.MAIN : StreamProfile.SUB, url)
            .withResolution(new Resolution(stream.width(), stream.height()))));
      }
    }
    return List.copyOf(list);
  }

  /** Registers the cameras' streams with a (re)started server; nothing while they are still starting. */
  void registerWith(CordonServer server) {
    if (server != null && !streams.isEmpty()) {
      server.cameraStreams().replace(streams);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    TestCameraServer running = cameras;
    if (running != null) {
      running.close();
    }
  }
}
