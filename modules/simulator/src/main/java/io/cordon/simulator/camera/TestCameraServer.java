package io.cordon.simulator.camera;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real RTSP test cameras on 127.0.0.1: one cvlc per camera (VLM broadcasts of its main and sub clip, looped
 * seamlessly with {@code #gather}) at {@code rtsp://127.0.0.1:PORT/main} and {@code .../sub}, RTP over UDP.
 * As root, cvlc runs as nobody (VLC refuses root). Without ffmpeg or cvlc nothing starts and
 * {@link #problem()} says what to install; nothing throws.
 */
public final class TestCameraServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestCameraServer.class);
  private static final int NOBODY = 65534;

  private final CameraTools tools;
  private final TestCameraClips clips;
  private final Map<String, Served> cameras = new LinkedHashMap<>();
  private Optional<String> problem;

  private TestCameraServer(CameraTools tools, TestCameraClips clips) {
    this.tools = tools;
    this.clips = clips;
    this.problem = tools.problem();
  }

  /** Starts every camera with clips cached in the default directory. */
  public static TestCameraServer start(List<TestCamera> cameras) throws InterruptedException {
    CameraTools tools = CameraTools.detect();
    return start(cameras, tools, new TestCameraClips(TestCameraClips.defaultDir(), tools));
  }

  public static TestCameraServer start(List<TestCamera> cameras, CameraTools tools, TestCameraClips clips)
      throws InterruptedException {
    TestCameraServer server = new TestCameraServer(tools, clips);
    Runtime.getRuntime().addShutdownHook(server.reaper);
    if (server.problem.isPresent()) {
      LOG.warn("{}", server.problem.get());
      return server;
    }
    for (TestCamera camera : cameras) {
      try {
        Served served = server.prepare(camera);
        server.cameras.put(camera.id(), served);
        served.start();
      } catch (IOException e) {
        server.problem = Optional.of("Test camera " + camera.id() + " did not start: " + e.getMessage());
        LOG.warn("{}", server.problem.get());
      }
    }
    LOG.info("{} test cameras serving RTSP on 127.0.0.1", server.cameras.size());
    return server;
  }

  /** Empty when every camera serves; else what is missing or what failed, in words for an operator. */
  public Optional<String> problem() {
    return problem;
  }

  public List<String> cameraIds() {
    return List.copyOf(cameras.keySet());
  }

  /** The RTSP URL of a camera's stream, if that camera is served. */
  public Optional<URI> url(String cameraId, TestStream stream) {
    return Optional.ofNullable(cameras.get(cameraId)).map(s -> s.url(stream));
  }

  /** Cuts a camera off (its process ends), as a power or network loss would. */
  public void stop(String cameraId) throws InterruptedException {
    Served s = cameras.get(cameraId);
    if (s != null) {
      s.stop();
    }
  }

  /** Starts a stopped (or running) camera again on the same URLs. */
  public void restart(String cameraId) throws IOException, InterruptedException {
    Served s = cameras.get(cameraId);
    if (s == null) {
      throw new IllegalArgumentException("not a served camera: " + cameraId);
    }
    s.stop();
    s.start();
  }

  /** A JVM that ends without {@link #close()} (a demo stopped with Ctrl+C or kill) must not leave VLC running. */
  private final Thread reaper = new Thread(() -> cameras.values().forEach(s -> {
    Process running = s.process;
    if (running != null) {
      running.destroy();
    }
  }), "test-camera-reaper");

  @Override
  public void close() throws InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the processes too
    }
    for (Served s : cameras.values()) {
      s.stop();
      try {
        Files.deleteIfExists(s.conf);
      } catch (IOException e) {
        LOG.debug("could not delete {}", s.conf, e);
      }
    }
  }

  private Served prepare(TestCamera camera) throws IOException, InterruptedException {
    Path main = clips.clip(camera, TestStream.MAIN);
    Path sub = clips.clip(camera, TestStream.SUB);
    int port = freePort();
    Path conf = clips.dir().resolve("camera-" + port + ".vlm");
    List<String> lines = new ArrayList<>();
    for (TestStream stream : TestStream.values()) {
      String n = stream.path();
      lines.add("new " + n + " broadcast enabled loop");
      lines.add("setup " + n + " input \"file://" + (stream == TestStream.MAIN ? main : sub) + "\"");
      // no file caching: with it each loop jumps the RTP clock back by the caching time
      lines.add("setup " + n + " option file-caching=0");
      // keep the RTP session across loops; without it VLC sends RTCP BYE and ffmpeg ends the stream
      lines.add("setup " + n + " option sout-keep");
      lines.add("setup " + n + " output #gather:rtp{sdp=rtsp://127.0.0.1:" + port + "/" + n + "}");
    }
    for (TestStream stream : TestStream.values()) {
      lines.add("control " + stream.path() + " play");
    }
    Files.writeString(conf, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    TestCameraClips.openToAll(conf, "rw-r--r--");
    Path home = clips.dir().resolve("vlc-home");
    Files.createDirectories(home);
    TestCameraClips.openToAll(home, "rwxrwxrwx");
    return new Served(camera, port, conf, home);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** One camera's cvlc. */
  private final class Served {
    final TestCamera camera;
    final int port;
    final Path conf;
    final Path home;
    volatile Process process;

    Served(TestCamera camera, int port, Path conf, Path home) {
      this.camera = camera;
      this.port = port;
      this.conf = conf;
      this.home = home;
    }

    URI url(TestStream stream) {
      return URI.create("rtsp://127.0.0.1:" + port + "/" + stream.path());
    }

    synchronized void start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
      }
      command.addAll(List.of(tools.cvlc().orElseThrow().toString(), "-q", "--no-stats", "--vlm-conf", conf.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("HOME", home.toString());
      process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("cvlc exited with code " + process.exitValue());
        }
        if (describes(TestStream.MAIN) && describes(TestStream.SUB)) {
          return;
        }
        Thread.sleep(100);
      }
      stop();
      throw new IOException("cvlc did not serve " + url(TestStream.MAIN) + " within 15 s");
    }

    synchronized void stop() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    }

    /** An RTSP DESCRIBE answered with 200. */
    private boolean describes(TestStream stream) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(2000);
        OutputStream out = s.getOutputStream();
        out.write(("DESCRIBE " + url(stream) + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] head = in.readNBytes(12);
        return new String(head, StandardCharsets.US_ASCII).startsWith("RTSP/1.0 200");
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return camera.id() + "@" + port;
    }
  }
}
