package io.cordon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.media.source.CameraStream;
import io.cordon.media.source.StaticCameraStreamSource;
import io.cordon.media.source.StreamProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals need no camera and no ffmpeg: they are decided before any pull starts. */
class RelayAuthorisationTest {
  private static final byte[] SECRET = "relay-test-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private MediaRelay relay;

  @BeforeEach
  void start() throws Exception {
    relay = MediaRelay.start(RelayConfig.defaults(SECRET), StaticCameraStreamSource.of(
        CameraStream.of("cam-1", StreamProfile.SUB, URI.create("rtsp://127.0.0.1:9/none"))));
  }

  @AfterEach
  void stop() {
    relay.close();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStreamRequestWithoutTicketIs401() throws Exception {
    HttpResponse<String> r = get(URI.create(relay.urls().base() + "/live/cam-1/sub"));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("missing ticket");
  }

  @Test
  void aTicketForAnotherCameraIs403WithTheReason() throws Exception {
    String ticket = relay.ticketIssuer().issue("cam-2", StreamProfile.SUB, "op", Duration.ofMinutes(1));

    HttpResponse<String> r = get(relay.liveUrl("cam-1", StreamProfile.SUB, ticket));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("another camera");
  }

  @Test
  void anExpiredTicketIs403() throws Exception {
    String ticket = relay.ticketIssuer().issue("cam-1", StreamProfile.SUB, "op", Duration.ofSeconds(-1));

    HttpResponse<String> r = get(relay.liveUrl("cam-1", StreamProfile.SUB, ticket));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("expired");
  }

  @Test
  void aForgedTicketIs403() throws Exception {
    String ticket = new io.cordon.media.ticket.TicketIssuer("not-the-relay-secret-0123456789ab".getBytes(StandardCharsets.UTF_8))
        .issue("cam-1", StreamProfile.SUB, "op", Duration.ofMinutes(1));

    assertThat(get(relay.liveUrl("cam-1", StreamProfile.SUB, ticket)).statusCode()).isEqualTo(403);
  }

  @Test
  void aValidTicketForACameraTheRelayDoesNotKnowIs404() throws Exception {
    HttpResponse<String> r = get(relay.liveUrl("cam-9", StreamProfile.SUB, "op", Duration.ofMinutes(1)));

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("unknown camera");
  }

  @Test
  void healthListsNoPullWhileNobodyWatches() throws Exception {
    HttpResponse<String> r = get(relay.urls().health());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.body()).isEqualTo("{\"pulls\":[]}");
  }
}
