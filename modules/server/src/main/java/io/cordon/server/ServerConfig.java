package io.cordon.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.cordon.server.alarm.AlarmCenterSettings;
import io.cordon.server.alarm.AlarmConfig;
import io.cordon.server.video.StandbyPolicy;
import io.cordon.server.registration.RegistrationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How a server runs: where its data lives, where it listens, which database and park plan it
 * uses. Immutable; build one with {@link #builder()} or read it with {@link #load(Path, Map)}.
 *
 * <p>Properties file keys (environment variables override them):
 * <pre>
 * data.dir          CORDON_DATA_DIR         data directory (H2 database); relative to the file
 * grpc.bind-address CORDON_BIND_ADDRESS     default 127.0.0.1
 * grpc.port         CORDON_GRPC_PORT        default 50051 (0 = ephemeral)
 * db.url            CORDON_DB_URL           JDBC URL; default an H2 file database in data.dir
 * db.user           CORDON_DB_USER
 * db.password       CORDON_DB_PASSWORD
 * park.file         CORDON_PARK_FILE        park plan (GeoJSON); default the sample park
 * admin.password    CORDON_ADMIN_PASSWORD   creates user "admin" on first start when given
 * device.password   CORDON_DEVICE_PASSWORD  creates user "device" (sensor adapters, the simulator) when given
 *
 * <p>The well-known demo users exist only in embedded mode: they can be switched on through the
 * builder (which the desktop client's embedded mode uses), never from a file or the environment.
 * session.ttl       CORDON_SESSION_TTL      ISO-8601 duration, default PT12H
 * media.port        CORDON_MEDIA_PORT       the media relay's HTTP port, default 50080 (0 ephemeral, -1 no relay)
 * media.public-url  CORDON_MEDIA_PUBLIC_URL the relay as clients reach it; required with a wildcard bind address
 * camera.streams.file CORDON_CAMERA_STREAMS_FILE camera addresses and logins; default data.dir/camera-streams.json
 * media.standby     CORDON_MEDIA_STANDBY    streams pulled with nobody watching: none, linked, all (default)
 * recording.*       CORDON_RECORDING_*      video recording and retention, see
 *                                           {@link io.cordon.server.video.recording.RecordingConfig}
 * jt808.port        CORDON_JT808_PORT       JT/T 808 terminals' TCP port, default 6808 (0 ephemeral, -1 none);
 *                                           system property cordon.jt808.port overrides the builder's default 0
 * </pre>
 */
public final class ServerConfig {

  /** The port a standalone server listens on when the configuration names none. */
  public static final int DEFAULT_GRPC_PORT = 50051;
  /** The media relay's HTTP port when run from a configuration file (clients on other hosts reach it). */
  public static final int DEFAULT_MEDIA_PORT = 50080;
  /** The JT/T 808 port a standalone server listens on when the configuration names none. */
  public static final int DEFAULT_JT808_PORT = 6808;
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(12);

  private final Path dataDir;
  private final String bindAddress;
  private final int grpcPort;
  private final boolean demoUsers;
  private final Path parkFile;
  private final String databaseUrl;
  private final String databaseUser;
  private final String databasePassword;
  private final String adminPassword;
  private final String devicePassword;
  private final Duration sessionTtl;
  private final AlarmCenterSettings alarmSettings;
  private final Path cameraStreamsFile;
  private final int mediaPort;
  private final int jt808Port;
  private final java.net.URI mediaPublicUrl;
  private final StandbyPolicy mediaStandby;
  private final RegistrationSettings registrationSettings;
  private final boolean demoRegistry;
  private final Clock clock;
  private final io.cordon.server.video.recording.RecordingConfig recording;

  private ServerConfig(Builder b) {
    this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir is required").toAbsolutePath();
    this.bindAddress = Objects.requireNonNull(b.bindAddress, "bindAddress");
    if (b.grpcPort < 0 || b.grpcPort > 65535) {
      throw new IllegalArgumentException("grpcPort must be 0..65535, was " + b.grpcPort);
    }
    this.grpcPort = b.grpcPort;
    this.demoUsers = b.demoUsers;
    this.parkFile = b.parkFile;
    this.databaseUrl = b.databaseUrl;
    this.databaseUser = b.databaseUser;
    this.databasePassword = b.databasePassword;
    this.adminPassword = b.adminPassword;
    this.devicePassword = b.devicePassword;
    if (b.sessionTtl.isNegative() || b.sessionTtl.isZero()) {
      throw new IllegalArgumentException("sessionTtl must be positive");
    }
    this.sessionTtl = b.sessionTtl;
    this.alarmSettings = Objects.requireNonNull(b.alarmSettings, "alarmSettings");
    this.cameraStreamsFile = b.cameraStreamsFile;
    if (b.mediaPort < -1 || b.mediaPort > 65535) {
      throw new IllegalArgumentException("media.port must be -1 (no relay) or 0..65535, was " + b.mediaPort);
    }
    this.mediaPort = b.mediaPort;
    if (b.jt808Port < -1 || b.jt808Port > 65535) {
      throw new IllegalArgumentException("jt808.port must be -1 (none) or 0..65535, was " + b.jt808Port);
    }
    this.jt808Port = b.jt808Port;
    this.mediaPublicUrl = b.mediaPublicUrl;
    this.mediaStandby = Objects.requireNonNull(b.mediaStandby, "mediaStandby");
    this.registrationSettings = b.registrationSettings;
    this.demoRegistry = b.demoRegistry;
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.recording = Objects.requireNonNull(b.recording, "recording");
    if (mediaPublicUrl == null && mediaPort >= 0 && isWildcard(bindAddress)) {
      throw new IllegalArgumentException("media.public-url is required when the server listens on " + bindAddress
          + ": clients need an address of the media relay they can reach");
    }
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a properties file (may be null: environment only) and applies environment overrides.
   *
   * @throws IllegalArgumentException naming the key of a missing or malformed setting
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ServerConfig load(Path propertiesFile, Map<String, String> env) {
    Properties file = new Properties();
    Path base = Path.of("").toAbsolutePath();
    if (propertiesFile != null) {
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        file.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + propertiesFile, e);
      }
      Path parent = propertiesFile.toAbsolutePath().getParent();
      base = parent == null ? base : parent;
    }
    Settings s = new Settings(file, env);
    Builder builder = builder().grpcPort(DEFAULT_GRPC_PORT);
    Path fileBase = base;
    s.get("data.dir", "CORDON_DATA_DIR").ifPresentOrElse(
        v -> builder.dataDir(fileBase.resolve(v)),
        () -> {
          throw new IllegalArgumentException("data.dir (CORDON_DATA_DIR) is required");
        });
    s.get("grpc.bind-address", "CORDON_BIND_ADDRESS").ifPresent(builder::bindAddress);
    s.get("grpc.port", "CORDON_GRPC_PORT").ifPresent(v -> builder.grpcPort(parsePort(v)));
    s.get("db.url", "CORDON_DB_URL").ifPresent(builder::databaseUrl);
    s.get("db.user", "CORDON_DB_USER").ifPresent(builder::databaseUser);
    s.get("db.password", "CORDON_DB_PASSWORD").ifPresent(builder::databasePassword);
    s.get("park.file", "CORDON_PARK_FILE").ifPresent(v -> builder.parkFile(fileBase.resolve(v)));
    s.get("admin.password", "CORDON_ADMIN_PASSWORD").ifPresent(builder::adminPassword);
    s.get("device.password", "CORDON_DEVICE_PASSWORD").ifPresent(builder::devicePassword);
    s.get("session.ttl", "CORDON_SESSION_TTL").ifPresent(v -> builder.sessionTtl(parseDuration(v)));
    builder.alarmSettings(AlarmConfig.read(s::get, AlarmCenterSettings.defaults()));
    builder.mediaPort(DEFAULT_MEDIA_PORT);
    s.get("media.port", "CORDON_MEDIA_PORT").ifPresent(v -> builder.mediaPort(v.trim().equals("-1") ? -1 : parsePort(v)));
    s.get("media.public-url", "CORDON_MEDIA_PUBLIC_URL").ifPresent(v -> builder.mediaPublicUrl(parseHttpUrl(v)));
    s.get("media.standby", "CORDON_MEDIA_STANDBY").ifPresent(v -> builder.mediaStandby(StandbyPolicy.parse(v)));
    builder.jt808Port(Integer.getInteger("cordon.jt808.port", DEFAULT_JT808_PORT));
    s.get("jt808.port", "CORDON_JT808_PORT").ifPresent(v -> builder.jt808Port(v.trim().equals("-1") ? -1 : parsePort(v)));
    s.get("camera.streams.file", "CORDON_CAMERA_STREAMS_FILE")
        .ifPresent(v -> builder.cameraStreamsFile(fileBase.resolve(v)));
    builder.recording(io.cordon.server.video.recording.RecordingConfig.read(s::get, file));
    return builder.build();
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("grpc.port (CORDON_GRPC_PORT) must be a number, was " + value);
    }
  }


  private static Duration parseDuration(String value) {
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("session.ttl (CORDON_SESSION_TTL) must be an ISO-8601 duration, was "
          + value);
    }
  }

  /** Environment variable wins over the file; blank values count as absent. */
  private record Settings(Properties file, Map<String, String> env) {
    Optional<String> get(String key, String envName) {
      String fromEnv = env.get(envName);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return Optional.of(fromEnv.trim());
      }
      String fromFile = file.getProperty(key);
      return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public String bindAddress() {
    return bindAddress;
  }

  /** The configured port; 0 asks for an ephemeral one (see {@link CordonServer#grpcPort()}). */
  public int grpcPort() {
    return grpcPort;
  }

  public boolean demoUsers() {
    return demoUsers;
  }

  /** The park plan file, empty for the sample park. */
  public Optional<Path> parkFile() {
    return Optional.ofNullable(parkFile);
  }

  /** The JDBC URL: the configured one, or an H2 file database in the data directory. */
  public String databaseUrl() {
    if (databaseUrl != null) {
      return databaseUrl;
    }
    // DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself, in order, on shutdown. H2's own
    // 16 MB page cache is kept: 256 MB measured slower at 2,000 terminals (16,900 vs 14,300 positions/s;
    // the cached pages made every young collection copy and scan more).
    return "jdbc:h2:file:" + dataDir.resolve("cordon").toString().replace('\\', '/')
        + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  public String databaseUser() {
    return databaseUser == null ? (databaseUrl == null ? "cordon" : "") : databaseUser;
  }

  public String databasePassword() {
    return databasePassword == null ? "" : databasePassword;
  }

  /** The password for a "device" account (sensor adapters, simulator), empty for none. */
  public Optional<String> devicePassword() {
    return Optional.ofNullable(devicePassword);
  }

  /** The password for an initial "admin" user, empty when none is to be created. */
  public Optional<String> adminPassword() {
    return Optional.ofNullable(adminPassword);
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  /** The alarm center's windows (fatigue, escalation, auto-acknowledge, heartbeats). */
  public AlarmCenterSettings alarmSettings() {
    return alarmSettings;
  }

  /**
   * The camera stream registry (addresses, credentials; see CameraStreamRegistry); by default
   * {@code camera-streams.json} in the data directory when it exists.
   */
  public Optional<Path> cameraStreamsFile() {
    if (cameraStreamsFile != null) {
      return Optional.of(cameraStreamsFile);
    }
    Path inDataDir = dataDir.resolve("camera-streams.json");
    return Files.isRegularFile(inDataDir) ? Optional.of(inDataDir) : Optional.empty();
  }

  /** The media relay's HTTP port: 0 ephemeral, -1 no relay in this server. */
  public int mediaPort() {
    return mediaPort;
  }

  /** The JT/T 808 terminals' TCP port: 0 ephemeral, -1 no JT/T 808 server. */
  public int jt808Port() {
    return jt808Port;
  }

  /** The relay's base URL as clients reach it; empty: the address it listens on. */
  public Optional<java.net.URI> mediaPublicUrl() {
    return Optional.ofNullable(mediaPublicUrl);
  }

  /**
   * Registration's rules, capacity limits and sweep period: those set on the builder, else the
   * defaults with the {@code cordon.registration.*} system properties (RegistrationSettings#read).
   */
  public RegistrationSettings registrationSettings() {
    return registrationSettings != null ? registrationSettings : RegistrationSettings.read(System::getProperty);
  }

  /** Sample registry rows (an enterprise the demo user {@code enterprise} acts for, its people and vehicles); demo only. */
  public boolean demoRegistry() {
    return demoRegistry;
  }

  /** What the media relay records and how long recordings are kept. */
  public io.cordon.server.video.recording.RecordingConfig recording() {
    return recording;
  }

  /** The server's clock: the system's UTC clock, unless a test sets another. */
  public Clock clock() {
    return clock;
  }

  /** Which streams the media relay keeps pulled with nobody watching, for alarm call-ups without delay. */
  public StandbyPolicy mediaStandby() {
    return mediaStandby;
  }

  private static java.net.URI parseHttpUrl(String text) {
    try {
      java.net.URI url = new java.net.URI(text.trim());
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException("media.public-url must be http(s)://host[:port], was " + text);
      }
      return url;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("media.public-url is not a URL: " + text, e);
    }
  }

  /** Never shows passwords. */
  @Override
  public String toString() {
    return "ServerConfig[dataDir=" + dataDir + ", bindAddress=" + bindAddress + ", grpcPort=" + grpcPort
        + ", demoUsers=" + demoUsers + ", parkFile=" + (parkFile == null ? "<sample>" : parkFile)
        + ", databaseUrl=" + databaseUrl() + ", sessionTtl=" + sessionTtl + "]";
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private Path dataDir;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private int grpcPort;
    private boolean demoUsers;
    private Path parkFile;
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private String adminPassword;
    private String devicePassword;
    private Duration sessionTtl = DEFAULT_SESSION_TTL;
    private AlarmCenterSettings alarmSettings = AlarmCenterSettings.defaults();
    private Path cameraStreamsFile;
    private int mediaPort;
    private int jt808Port = Integer.getInteger("cordon.jt808.port", 0);
    private java.net.URI mediaPublicUrl;
    private StandbyPolicy mediaStandby = StandbyPolicy.ALL;
    private RegistrationSettings registrationSettings;
    private boolean demoRegistry;
    private Clock clock = Clock.systemUTC();
    private io.cordon.server.video.recording.RecordingConfig recording =
        io.cordon.server.video.recording.RecordingConfig.defaults();

    public Builder recording(io.cordon.server.video.recording.RecordingConfig recording) {
      this.recording = Objects.requireNonNull(recording, "recording");
      return this;
    }

    private Builder() {
    }

    /** The relay's base URL as clients reach it (http://host:port); null: the address it listens on. */
    public Builder mediaPublicUrl(java.net.URI mediaPublicUrl) {
      this.mediaPublicUrl = mediaPublicUrl;
      return this;
    }

    /** Streams the media relay pulls with nobody watching; default {@link StandbyPolicy#ALL}. */
    public Builder mediaStandby(StandbyPolicy mediaStandby) {
      this.mediaStandby = Objects.requireNonNull(mediaStandby, "mediaStandby");
      return this;
    }

    /** The camera stream registry file; null for camera-streams.json in the data directory, if any. */
    public Builder cameraStreamsFile(Path cameraStreamsFile) {
      this.cameraStreamsFile = cameraStreamsFile;
      return this;
    }

    /** The JT/T 808 TCP port: 0 (the default, or system property cordon.jt808.port) ephemeral, -1 for none. */
    public Builder jt808Port(int jt808Port) {
      this.jt808Port = jt808Port;
      return this;
    }

    /** The media relay's HTTP port: 0 (the default) ephemeral, -1 for no relay. */
    public Builder mediaPort(int mediaPort) {
      this.mediaPort = mediaPort;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** 0 (the default) picks an ephemeral port. */
    public Builder grpcPort(int grpcPort) {
      this.grpcPort = grpcPort;
      return this;
    }

    /** Well-known demo users and passwords; only for embedded/demo mode. */
    public Builder demoUsers(boolean demoUsers) {
      this.demoUsers = demoUsers;
      return this;
    }

    /** The park plan; null for the sample park. */
    public Builder parkFile(Path parkFile) {
      this.parkFile = parkFile;
      return this;
    }

    /** A JDBC URL (H2 or PostgreSQL); null for an H2 file database in the data directory. */
    public Builder databaseUrl(String databaseUrl) {
      this.databaseUrl = databaseUrl;
      return this;
    }

    public Builder databaseUser(String databaseUser) {
      this.databaseUser = databaseUser;
      return this;
    }

    public Builder databasePassword(String databasePassword) {
      this.databasePassword = databasePassword;
      return this;
    }

    /** Creates user "device" (ROLE_DEVICE) with this password on first start; null for none. */
    public Builder devicePassword(String devicePassword) {
      this.devicePassword = devicePassword;
      return this;
    }

    /** Creates user "admin" with this password on first start; null for none. */
    public Builder adminPassword(String adminPassword) {
      this.adminPassword = adminPassword;
      return this;
    }

    public Builder sessionTtl(Duration sessionTtl) {
      this.sessionTtl = Objects.requireNonNull(sessionTtl, "sessionTtl");
      return this;
    }

    public Builder alarmSettings(AlarmCenterSettings alarmSettings) {
      this.alarmSettings = Objects.requireNonNull(alarmSettings, "alarmSettings");
      return this;
    }

    public Builder registrationSettings(RegistrationSettings registrationSettings) {
      this.registrationSettings = Objects.requireNonNull(registrationSettings, "registrationSettings");
      return this;
    }

    /** Seeds sample registry rows on start when absent; only for embedded/demo mode. */
    public Builder demoRegistry(boolean demoRegistry) {
      this.demoRegistry = demoRegistry;
      return this;
    }

    /** For tests that move time: timers, deadlines and journal times follow this clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(this);
    }
  }
}
