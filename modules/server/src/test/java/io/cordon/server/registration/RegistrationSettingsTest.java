package io.cordon.server.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.RequiredField;
import io.cordon.domain.violation.PenaltyLadder;
import io.cordon.domain.violation.PenaltyRule;
import io.cordon.domain.violation.Sanction;
import io.cordon.domain.violation.SanctionType;
import io.cordon.domain.violation.Target;
import io.cordon.domain.violation.ViolationKind;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the registration settings from {@code cordon.registration.*} keys. */
class RegistrationSettingsTest {

  static RegistrationSettings read(Map<String, String> settings) {
    return RegistrationSettings.read(settings::get);
  }

  @Test
  void withNothingSetTheProposalsDefaultsHold() {
    assertThat(read(Map.of())).isEqualTo(RegistrationSettings.defaults());
  }

  @Test
  void leadTimesAndReviewWindowsAreReadPerApplicationKind() {
    RegistrationSettings s = read(Map.of(
        "cordon.registration.lead-time.hazmat", "PT48H",
        "cordon.registration.review.first.visitor", "PT3H",
        "cordon.registration.review.enterprise.visitor", "PT30M",
        "cordon.registration.review.joint.hazwaste", "PT45M",
        "cordon.registration.lead-time.long-term", "PT0S"));

    assertThat(s.rules().of(ApplicationKind.HAZMAT_DELIVERY).leadTime()).isEqualTo(Duration.ofHours(48));
    assertThat(s.rules().of(ApplicationKind.HAZWASTE_DELIVERY).leadTime()).isEqualTo(Duration.ofHours(24));
    assertThat(s.rules().of(ApplicationKind.VISITOR).firstReviewWindow()).isEqualTo(Duration.ofHours(3));
    assertThat(s.rules().of(ApplicationKind.VISITOR).enterpriseWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.rules().of(ApplicationKind.FREIGHT).firstReviewWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(s.rules().of(ApplicationKind.HAZWASTE_DELIVERY).jointReviewWindow()).isEqualTo(Duration.ofMinutes(45));
    assertThat(s.rules().of(ApplicationKind.LONG_TERM_REGISTRATION).leadTime()).isZero();
  }

  @Test
  void requiredPartsAreReadPerApplicationKind() {
    RegistrationSettings s = read(Map.of(
        "cordon.registration.required.freight", "vehicles, driver, loading-point",
        "cordon.registration.required.visitor", "none"));

    assertThat(s.rules().of(ApplicationKind.FREIGHT).required()).containsExactlyInAnyOrder(RequiredField.VEHICLES,
        RequiredField.DRIVER, RequiredField.LOADING_POINT);
    assertThat(s.rules().of(ApplicationKind.VISITOR).required()).isEmpty();
  }

  @Test
  void aConfiguredViolationReplacesItsStepsAndLeavesTheOthersAlone() {
    RegistrationSettings s = read(Map.of("cordon.registration.penalty.false-declaration",
        "1:BAN@ENTERPRISE:P7D, FINE@enterprise:1000; 3:REFER_TO_POLICE@OFFENDER",
        "cordon.registration.penalty.forcing-gate.serious", "none",
        "cordon.registration.penalty.look-back", "P30D"));

    assertThat(s.ladder().rules()).filteredOn(r -> r.kind() == ViolationKind.FALSE_DECLARATION).containsExactly(
        new PenaltyRule(ViolationKind.FALSE_DECLARATION, 1, List.of(Sanction.ban(Target.ENTERPRISE, Period.ofDays(7)),
            Sanction.fine(Target.ENTERPRISE, 1000))),
        new PenaltyRule(ViolationKind.FALSE_DECLARATION, 3, List.of(Sanction.of(SanctionType.REFER_TO_POLICE,
            Target.OFFENDER))));
    PenaltyLadder d = PenaltyLadder.defaults();
    assertThat(s.ladder().rules()).filteredOn(r -> r.kind() != ViolationKind.FALSE_DECLARATION)
        .containsExactlyElementsOf(d.rules().stream().filter(r -> r.kind() != ViolationKind.FALSE_DECLARATION)
            .toList());
    assertThat(s.ladder().whenSerious().get(ViolationKind.FORCING_GATE)).isEmpty();
    assertThat(s.ladder().whenSerious().get(ViolationKind.DAMAGING_FACILITIES))
        .isEqualTo(d.whenSerious().get(ViolationKind.DAMAGING_FACILITIES));
    assertThat(s.ladder().lookBack()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aLeadTimeThatIsNoDurationIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.lead-time.hazmat", "24h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cordon.registration.lead-time.hazmat").hasMessageContaining("\"24h\"")
        .hasMessageContaining("PT24H");
  }

  @Test
  void aZeroReviewWindowIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.review.first.visitor", "PT0S")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cordon.registration.review.first.visitor").hasMessageContaining("positive");
  }

  @Test
  void anUnknownRequiredPartIsRefusedNamingTheKeyAndThePart() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.required.hazmat", "vehicles,cargo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cordon.registration.required.hazmat").hasMessageContaining("\"cargo\"");
  }

  @Test
  void anUnknownSanctionTypeIsRefusedNamingTheKeyAndTheType() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.penalty.false-declaration",
        "1:WARNING@PERSON;2:UNIT_BAN@ENTERPRISE:P7D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cordon.registration.penalty.false-declaration must be")
        .hasMessageContaining("unknown sanction type \"UNIT_BAN\"");
  }

  @Test
  void aBanWithoutAPeriodIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.penalty.forcing-gate", "1:BAN@PERSON")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cordon.registration.penalty.forcing-gate must be")
        .hasMessageContaining("\"BAN@PERSON\" needs an ISO-8601 period");
  }

  @Test
  void aStepWithoutAnOccurrenceIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.penalty.illegal-parking-at-gate", "WARNING@OFFENDER")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cordon.registration.penalty.illegal-parking-at-gate must be")
        .hasMessageContaining("no \"<from-occurrence>:\"");
  }

  @Test
  void twoStepsFromTheSameOccurrenceAreRefused() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.penalty.damaging-facilities",
        "1:WARNING@OFFENDER;1:FINE@OFFENDER:500")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cordon.registration.penalty.damaging-facilities")
        .hasMessageContaining("two steps from occurrence 1");
  }

  @Test
  void aCapacityThatIsNoNumberIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("cordon.registration.capacity.people", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cordon.registration.capacity.people");
  }

  @Test
  void forbiddenGoodsAreReadAsUnNumbers() {
    assertThat(read(Map.of("cordon.registration.forbidden-un", "UN1001, 1017")).forbiddenGoods())
        .extracting(Object::toString).containsExactlyInAnyOrder("UN1001", "UN1017");
  }
}
