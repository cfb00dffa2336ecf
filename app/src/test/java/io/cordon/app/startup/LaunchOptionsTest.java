package io.cordon.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.client.connection.ServerAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
  @Test
  void noOptionsMeansEmbeddedMode() {
    LaunchOptions options = LaunchOptions.parse(List.of());
    assertThat(options.embedded()).isTrue();
    assertThat(options.dataDir()).isEqualTo(LaunchOptions.defaultDataDir());
  }

  @Test
  void serverOptionConnectsToASeparateServer() {
    LaunchOptions options = LaunchOptions.parse(List.of("--server", "cordon.local:50051"));
    assertThat(options.embedded()).isFalse();
    assertThat(options.server()).contains(new ServerAddress("cordon.local", 50051));
  }

  @Test
  void dataDirOptionOverridesTheDefault() {
    assertThat(LaunchOptions.parse(List.of("--data-dir", "/tmp/x")).dataDir()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void autologinIsRefusedForARemoteServer() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--server", "h:1", "--demo-autologin")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownOptionsAreRejected() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--fast"))).hasMessageContaining("--fast");
  }

  @Test
  void tilesOptionNamesTheOfflineBaseMap() {
    assertThat(LaunchOptions.parse(List.of("--tiles", "/srv/tiles/park.mbtiles")).tiles())
        .contains(Path.of("/srv/tiles/park.mbtiles"));
    assertThat(LaunchOptions.parse(List.of()).tiles()).isEmpty();
  }
}
