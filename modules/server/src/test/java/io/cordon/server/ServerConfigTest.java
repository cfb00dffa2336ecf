package io.cordon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir
  Path dir;

  @Test
  void readsEveryKeyOfThePropertiesFile() throws Exception {
    Path file = write("""
        data.dir=data
        grpc.bind-address=0.0.0.0
        grpc.port=7001
        db.url=jdbc:postgresql://db/cordon
        db.user=cordon
        db.password=pw
        park.file=park/plan.geojson
        admin.password=initial
        session.ttl=PT8H
        media.port=50090
        media.public-url=http://cordon.park.local:50090
        camera.streams.file=cameras.json
        """);

    ServerConfig config = ServerConfig.load(file, Map.of());

    assertThat(config.dataDir()).isEqualTo(dir.resolve("data").toAbsolutePath());
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.grpcPort()).isEqualTo(7001);
    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db/cordon");
    assertThat(config.databaseUser()).isEqualTo("cordon");
    assertThat(config.databasePassword()).isEqualTo("pw");
    assertThat(config.parkFile()).contains(dir.resolve("park/plan.geojson"));
    assertThat(config.adminPassword()).contains("initial");
    assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(config.demoUsers()).isFalse();
    assertThat(config.mediaPort()).isEqualTo(50090);
    assertThat(config.mediaPublicUrl()).contains(java.net.URI.create("http://cordon.park.local:50090"));
    assertThat(config.cameraStreamsFile()).contains(dir.resolve("cameras.json"));
  }

  @Test
  void aServerListeningOnEveryInterfaceMustSayWhereClientsReachItsMediaRelay() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d", "CORDON_BIND_ADDRESS", "0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media.public-url");
    assertThat(ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d", "CORDON_BIND_ADDRESS", "0.0.0.0",
        "CORDON_MEDIA_PORT", "-1")).mediaPort()).isEqualTo(-1);
  }

  @Test
  void aMalformedMediaPublicUrlIsNamed() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d",
        "CORDON_MEDIA_PUBLIC_URL", "rtsp://relay")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media.public-url");
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Path file = write("data.dir=data\ngrpc.port=7001\ngrpc.bind-address=0.0.0.0\nmedia.public-url=http://cordon:50080\n");

    ServerConfig config = ServerConfig.load(file, Map.of(
        "CORDON_GRPC_PORT", "7002",
        "CORDON_DATA_DIR", "/srv/cordon",
        "CORDON_DB_URL", "jdbc:postgresql://other/cordon",
        "CORDON_ADMIN_PASSWORD", "from-env"));

    assertThat(config.grpcPort()).isEqualTo(7002);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/cordon"));
    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://other/cordon");
    assertThat(config.adminPassword()).contains("from-env");
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void defaultsToLoopbackTheStandardPortAndAnH2DatabaseInTheDataDir() throws Exception {
    ServerConfig config = ServerConfig.load(write("data.dir=d\n"), Map.of());

    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.grpcPort()).isEqualTo(ServerConfig.DEFAULT_GRPC_PORT);
    assertThat(config.databaseUrl()).startsWith("jdbc:h2:file:" + dir.resolve("d").toAbsolutePath());
    assertThat(config.parkFile()).isEmpty();
    assertThat(config.adminPassword()).isEmpty();
  }

  @Test
  void aMissingDataDirIsNamed() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORDON_DATA_DIR");
  }

  @Test
  void aMalformedPortIsNamed() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d", "CORDON_GRPC_PORT", "http")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grpc.port");
  }

  @Test
  void theBuilderDefaultsToAnEphemeralPortWithoutDemoUsers() {
    ServerConfig config = ServerConfig.builder().dataDir(dir).build();

    assertThat(config.grpcPort()).isZero();
    assertThat(config.demoUsers()).isFalse();
  }

  @Test
  void toStringShowsNoPassword() {
    ServerConfig config = ServerConfig.builder().dataDir(dir).databasePassword("db-secret")
        .adminPassword("admin-secret").build();

    assertThat(config.toString()).doesNotContain("db-secret").doesNotContain("admin-secret");
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("cordon-server.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void demoUsersCannotBeSwitchedOnFromTheEnvironment() {
    ServerConfig config = ServerConfig.load(null,
        Map.of("CORDON_DATA_DIR", "/d", "CORDON_DEMO_USERS", "true", "demo.users", "true"));

    assertThat(config.demoUsers()).isFalse();
  }

  @Test
  void aDevicePasswordComesFromTheEnvironmentAndIsNeverShown() {
    ServerConfig config = ServerConfig.load(null,
        Map.of("CORDON_DATA_DIR", "/d", "CORDON_DEVICE_PASSWORD", "device-secret"));

    assertThat(config.devicePassword()).contains("device-secret");
    assertThat(config.toString()).doesNotContain("device-secret");
  }

  @Test
  void mediaStandbyIsReadFromTheFileOverriddenByTheEnvironmentAndDefaultsToAll() throws Exception {
    Path file = write("data.dir=data\nmedia.standby=LINKED\n");

    assertThat(ServerConfig.load(file, Map.of()).mediaStandby())
        .isEqualTo(io.cordon.server.video.StandbyPolicy.LINKED);
    assertThat(ServerConfig.load(file, Map.of("CORDON_MEDIA_STANDBY", "none")).mediaStandby())
        .isEqualTo(io.cordon.server.video.StandbyPolicy.NONE);
    assertThat(ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d")).mediaStandby())
        .isEqualTo(io.cordon.server.video.StandbyPolicy.ALL);
  }

  @Test
  void aMalformedMediaStandbyIsNamedWithItsChoices() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CORDON_DATA_DIR", "/d", "CORDON_MEDIA_STANDBY", "some")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("media.standby")
        .hasMessageContaining("none, linked or all")
        .hasMessageContaining("some");
  }
}

