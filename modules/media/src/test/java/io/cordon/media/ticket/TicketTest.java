package io.cordon.media.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.media.source.StreamProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TicketTest {
  private static final byte[] SECRET = "a-shared-secret-of-32-bytes-long".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final TicketIssuer issuer = new TicketIssuer(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  private TicketVerifier verifierAt(Instant t) {
    return new TicketVerifier(SECRET, Clock.fixed(t, ZoneOffset.UTC));
  }

  @Test
  void aFreshTicketIsAcceptedForItsCameraAndProfile() {
    String ticket = issuer.issue("南一门-1", StreamProfile.SUB, "operator", Duration.ofSeconds(60));

    TicketCheck check = verifierAt(NOW.plusSeconds(30)).check(ticket, "南一门-1", StreamProfile.SUB);

    assertThat(check).isEqualTo(new TicketCheck.Accepted(
        new StreamTicket("南一门-1", StreamProfile.SUB, "operator", NOW.plusSeconds(60))));
  }

  @Test
  void anExpiredTicketIsRejected() {
    String ticket = issuer.issue("cam-1", StreamProfile.MAIN, "operator", Duration.ofSeconds(60));

    assertThat(verifierAt(NOW.plusSeconds(60)).check(ticket, "cam-1", StreamProfile.MAIN))
        .isEqualTo(new TicketCheck.Rejected("ticket expired"));
  }

  @Test
  void aTicketForAnotherCameraOrProfileIsRejected() {
    String ticket = issuer.issue("cam-1", StreamProfile.SUB, "operator", Duration.ofSeconds(60));
    TicketVerifier verifier = verifierAt(NOW);

    assertThat(verifier.check(ticket, "cam-2", StreamProfile.SUB)).isEqualTo(new TicketCheck.Rejected("ticket is for another camera"));
    assertThat(verifier.check(ticket, "cam-1", StreamProfile.MAIN))
        .isEqualTo(new TicketCheck.Rejected("ticket is for another stream profile"));
  }

  @Test
  void aTicketWithAChangedPayloadIsRejected() {
    String ticket = issuer.issue("cam-1", StreamProfile.SUB, "operator", Duration.ofSeconds(60));
    String signature = ticket.substring(ticket.indexOf('.'));
    String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("v1\ncam-2\nsub\noperator\n" + NOW.plusSeconds(60).getEpochSecond()).getBytes(StandardCharsets.UTF_8));

    assertThat(verifierAt(NOW).check(forgedPayload + signature, "cam-2", StreamProfile.SUB))
        .isEqualTo(new TicketCheck.Rejected("invalid ticket"));
  }

  @Test
  void aTicketSignedWithAnotherSecretIsRejected() {
    String ticket = new TicketIssuer("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC)).issue("cam-1", StreamProfile.SUB, "operator", Duration.ofSeconds(60));

    assertThat(verifierAt(NOW).check(ticket, "cam-1", StreamProfile.SUB)).isEqualTo(new TicketCheck.Rejected("invalid ticket"));
  }

  @Test
  void garbageIsRejectedNotThrown() {
    TicketVerifier verifier = verifierAt(NOW);

    assertThat(verifier.check("not-a-ticket", "cam-1", StreamProfile.SUB)).isInstanceOf(TicketCheck.Rejected.class);
    assertThat(verifier.check("a.b.c", "cam-1", StreamProfile.SUB)).isInstanceOf(TicketCheck.Rejected.class);
    assertThat(verifier.check("!!!.???", "cam-1", StreamProfile.SUB)).isInstanceOf(TicketCheck.Rejected.class);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new TicketIssuer("short".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
