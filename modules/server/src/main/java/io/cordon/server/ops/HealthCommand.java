package io.cordon.server.ops;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.ListGateStatesRequest;
import io.cordon.api.v1.ListTerminalsRequest;
import io.cordon.api.v1.LoginRequest;
import io.cordon.api.v1.Terminal;
import io.cordon.api.v1.TripServiceGrpc;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.media.source.CameraStream;
import io.cordon.server.ServerConfig;
import io.cordon.server.park.ParkFileLoader;
import io.cordon.server.video.CameraStreamRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code cordon-server health}: run on the server host by the installer, it asks the running server
 * which gate agents are connected and which JT/T 808 terminals reported lately, and asks every
 * configured camera stream for RTSP OPTIONS from this host. One line per device; exit code 1 when
 * any device fails (or the server does not answer).
 */
final class HealthCommand {

  static final Duration DEFAULT_TERMINAL_SILENCE = Duration.ofMinutes(5);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
  private static final Duration CAMERA_TIMEOUT = Duration.ofSeconds(3);

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  HealthCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    OpsArgs options = OpsArgs.parse(args, Set.of("--config", "--user", "--password-file", "--terminal-silence"));
    ServerConfig server = OpsConfig.load(options, env).server();
    Duration silence = options.get("--terminal-silence").map(Duration::parse).orElse(DEFAULT_TERMINAL_SILENCE);
    String user = options.get("--user").orElse("admin");
    Optional<String> password = Secrets.read(options.path("--password-file"), "CORDON_HEALTH_PASSWORD", env,
        "Password of " + user, false)
        .or(() -> Optional.ofNullable(env.get("CORDON_ADMIN_PASSWORD")).filter(p -> !p.isEmpty()));
    if (password.isEmpty()) {
      err.println("No password for " + user + ": use --password-file FILE, CORDON_HEALTH_PASSWORD or a terminal");
      return OpsCommands.USAGE;
    }
    Park park = server.parkFile().map(ParkFileLoader::load).orElseGet(ParkFileLoader::loadSample);
    List<DeviceCheck> checks = new ArrayList<>();
    String host = isWildcard(server.bindAddress()) ? "127.0.0.1" : server.bindAddress();
    ManagedChannel channel = NettyChannelBuilder.forAddress(host, server.grpcPort()).usePlaintext().build();
    try {
      String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .login(LoginRequest.newBuilder().setUsername(user).setPassword(password.get()).setWorkstation("health").build())
          .getToken();
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      checks.addAll(gates(park, GateServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .listStates(ListGateStatesRequest.getDefaultInstance()).getGatesList()));
      checks.addAll(terminals(TripServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .listTerminals(ListTerminalsRequest.getDefaultInstance()).getTerminalsList(), silence, server.clock().instant()));
    } catch (StatusRuntimeException e) {
      checks.add(new DeviceCheck("server", host + ":" + server.grpcPort(), "cordon-server", false,
          "does not answer: " + e.getStatus().getCode() + " " + Optional.ofNullable(e.getStatus().getDescription()).orElse("")));
    } finally {
      channel.shutdownNow();
    }
    checks.addAll(cameras(park, server));
    checks.forEach(check -> out.println(check.line()));
    long failed = checks.stream().filter(c -> !c.ok()).count();
    out.println(checks.size() + " checks: " + (checks.size() - failed) + " ok, " + failed + " failed");
    return failed == 0 ? OpsCommands.OK : OpsCommands.FAILED;
  }

  static List<DeviceCheck> gates(Park park, List<GateStatus> states) {
    List<DeviceCheck> checks = new ArrayList<>();
    for (GateStatus state : states) {
      String name = park.gates().stream().filter(g -> g.id().value().equals(state.getGateId())).map(Gate::name)
          .findFirst().orElse("");
      checks.add(state.getAgentConnected()
          ? new DeviceCheck("gate", state.getGateId(), name, true, "agent connected, cache v" + state.getCacheVersion())
          : new DeviceCheck("gate", state.getGateId(), name, false,
              "agent not connected, last seen " + (state.hasAgentSeen() ? instant(state.getAgentSeen()) : "never")));
    }
    return checks;
  }

  static List<DeviceCheck> terminals(List<Terminal> terminals, Duration silence, Instant now) {
    List<DeviceCheck> checks = new ArrayList<>();
    for (Terminal terminal : terminals) {
      String name = terminal.getPlate().isEmpty() ? "(unbound)" : terminal.getPlate();
      boolean recent = terminal.hasLastSeen() && !instant(terminal.getLastSeen()).isBefore(now.minus(silence));
      String seen = terminal.hasLastSeen() ? instant(terminal.getLastSeen()).toString() : "never";
      checks.add(new DeviceCheck("terminal", terminal.getTerminalNumber(), name, terminal.getConnected() || recent,
          (terminal.getConnected() ? "connected" : "not connected") + ", last seen " + seen));
    }
    return checks;
  }

  private List<DeviceCheck> cameras(Park park, ServerConfig server) {
    Optional<java.nio.file.Path> file = server.cameraStreamsFile();
    if (file.isEmpty()) {
      out.println("(no camera streams file: cameras not checked)");
      return List.of();
    }
    CameraStreamRegistry registry;
    try {
      registry = CameraStreamRegistry.read(file.get(), park);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.get(), e);
    }
    List<DeviceCheck> checks = new ArrayList<>();
    for (Camera camera : park.cameras()) {
      for (CameraStream stream : registry.streams(camera.id().value())) {
        String problem = RtspProbe.problem(stream.rtspUrl(), CAMERA_TIMEOUT);
        String id = camera.id().value() + "/" + stream.profile().name().toLowerCase(java.util.Locale.ROOT);
        checks.add(problem.isEmpty()
            ? new DeviceCheck("camera", id, camera.name(), true, "RTSP answers at " + RtspProbe.describe(stream.rtspUrl()))
            : new DeviceCheck("camera", id, camera.name(), false, problem));
      }
    }
    return checks;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
  }
}
