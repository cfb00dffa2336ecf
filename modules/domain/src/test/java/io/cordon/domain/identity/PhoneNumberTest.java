package io.cordon.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

  @Test
  void aMobileNumberWithCountryCodeAndSeparatorsIsNormalised() {
    assertThat(PhoneNumber.parse("+86 139-0000-1234").value()).isEqualTo("13900001234");
  }

  @Test
  void aNumberNotStartingWith13To19IsRefused() {
    assertThatThrownBy(() -> PhoneNumber.parse("12900001234")).hasMessageContaining("starting 13-19");
  }

  @Test
  void aLandlineIsRefusedForItsLength() {
    assertThatThrownBy(() -> PhoneNumber.parse("025-8888888")).hasMessageContaining("not 10 digits");
  }

  @Test
  void itsTextIsMasked() {
    assertThat(PhoneNumber.parse("13900001234").toString()).isEqualTo("139****1234");
  }
}
