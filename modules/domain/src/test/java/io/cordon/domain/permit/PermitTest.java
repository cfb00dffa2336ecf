package io.cordon.domain.permit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermitTest {

  private static final Instant FROM = Instant.parse("2026-12-02T06:00:00Z");
  private static final EnterpriseId HOST = new EnterpriseId("ENT-1");
  private static final GateId DED = new GateId("G-DED");

  private static Permit hazmatPermit() {
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-DED", "L1")), List.of(new ZoneId("Z-GEN")), Set.of());
    return Permit.issue(new PermitId("A-1"), "A-1", Set.of(new PersonId("P-1")),
        Map.of(Plate.parse("苏E12345"), VehicleClass.HAZMAT), HOST, scope, TimeWindow.of(FROM, Duration.ofHours(8)),
        Optional.of(new RouteId("ROUTE-1")), Optional.of("LP1"), FROM.minus(Duration.ofHours(20)), "sun");
  }

  private static Refusal refusal(Result<Permit> r) {
    return ((Result.Refused<Permit>) r).refusal();
  }

  @Test
  void itCoversItsLaneWithinItsWindowOnly() {
    Permit p = hazmatPermit();

    assertThat(p.covers(DED, "L1", FROM)).isTrue();
    assertThat(p.covers(DED, "L1", FROM.minusSeconds(1))).isFalse();
    assertThat(p.covers(DED, "L1", FROM.plus(Duration.ofHours(8)))).isFalse();
    assertThat(p.covers(DED, "L2", FROM)).isFalse();
    assertThat(p.covers(new GateId("G-COMP"), "L1", FROM)).isFalse();
  }

  @Test
  void aRevokedPermitCoversNothingFromItsRevocation() {
    Instant at = FROM.plus(Duration.ofHours(1));
    Permit p = hazmatPermit().revoke("sun", at, "驾驶员被列入黑名单").orElseThrow();

    assertThat(p.covers(DED, "L1", at.minusSeconds(1))).isTrue();
    assertThat(p.covers(DED, "L1", at)).isFalse();
    assertThat(p.revocation().orElseThrow().reason()).isEqualTo("驾驶员被列入黑名单");
  }

  @Test
  void revokingNeedsAReasonAndHappensOnce() {
    Permit revoked = hazmatPermit().revoke("sun", FROM, "原因").orElseThrow();

    assertThat(refusal(hazmatPermit().revoke("sun", FROM, " ")).fields()).containsExactly("reason");
    assertThat(refusal(revoked.revoke("sun", FROM, "again")).kind()).isEqualTo(Refusal.Kind.CONFLICT);
  }

  @Test
  void aHazmatVehicleLeavesOnlyAfterTheEnterpriseConfirmsTheWorkIsDone() {
    Permit p = hazmatPermit();
    assertThat(p.allowsExit(DED, "L1")).isFalse();

    Permit confirmed = p.confirmExit(HOST, "qian", FROM.plus(Duration.ofHours(3)), true, true, "卸货完毕").orElseThrow();

    assertThat(confirmed.allowsExit(DED, "L1")).isTrue();
    assertThat(confirmed.exitConfirmation().orElseThrow().by()).isEqualTo("qian");
  }

  @Test
  void aSpillSendsTheVehicleBackInsteadOfOut() {
    Refusal r = refusal(hazmatPermit().confirmExit(HOST, "qian", FROM, true, false, ""));

    assertThat(r.fields()).containsExactly("nothingSpilled");
  }

  @Test
  void onlyTheServedEnterpriseConfirmsTheExit() {
    Refusal r = refusal(hazmatPermit().confirmExit(new EnterpriseId("ENT-2"), "x", FROM, true, true, ""));

    assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
  }

  @Test
  void theConfirmationIsDueHalfAnHourAfterTheExitRequest() {
    Instant asked = FROM.plus(Duration.ofHours(4));
    Permit p = hazmatPermit().requestExit(asked).orElseThrow();

    assertThat(p.exitConfirmationDue(Duration.ofMinutes(30))).contains(asked.plus(Duration.ofMinutes(30)));
    assertThat(hazmatPermit().exitConfirmationDue(Duration.ofMinutes(30))).isEmpty();
  }

  @Test
  void aVisitorPermitNeedsNoExitConfirmation() {
    PermitScope scope = new PermitScope(List.of(LaneRef.of("G-ORD", "P1")), List.of(), Set.of());
    Permit p = Permit.issue(new PermitId("A-2"), "A-2", Set.of(new PersonId("P-V")), Map.of(), HOST, scope,
        TimeWindow.of(FROM, Duration.ofHours(4)), Optional.empty(), Optional.empty(), FROM, "sun");

    assertThat(p.allowsExit(new GateId("G-ORD"), "P1")).isTrue();
    assertThat(refusal(p.confirmExit(HOST, "qian", FROM, true, true, "")).kind()).isEqualTo(Refusal.Kind.CONFLICT);
  }

  @Test
  void aCoreZoneIsAdmittedOnlyWhenExplicitlyAuthorised() {
    var park = ParkFixture.minimalValidPark();
    var core = park.zone(new ZoneId("Z-CORE")).orElseThrow();
    PermitScope named = new PermitScope(List.of(), List.of(core.id()), Set.of());
    PermitScope authorised = new PermitScope(List.of(), List.of(core.id()), Set.of(core.id()));

    assertThat(named.admitsTo(core)).isFalse();
    assertThat(authorised.admitsTo(core)).isTrue();
  }
}
