package io.cordon.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  private final String valid = TestNumbers.creditCode("91320100MA1W2K3L4");

  @Test
  void aValidCodeParsesWithItsRegion() {
    assertThat(CreditCode.parse(valid.toLowerCase()).regionCode()).isEqualTo("320100");
  }

  @Test
  void aWrongCheckCharacterIsRefused() {
    char wrong = valid.charAt(17) == '0' ? '1' : '0';

    assertThatThrownBy(() -> CreditCode.parse(valid.substring(0, 17) + wrong))
        .hasMessageContaining("but should be " + valid.charAt(17));
  }

  @Test
  void lettersOutsideTheAlphabetAreRefused() {
    assertThatThrownBy(() -> CreditCode.parse("91320100MA1W2K3LS" + "0"))
        .hasMessageContaining("character 17 (S) is not allowed");
  }

  @Test
  void aRegionCodeWithLettersIsRefused() {
    assertThatThrownBy(() -> CreditCode.parse(TestNumbers.creditCode("9132A100MA1W2K3L4")))
        .hasMessageContaining("region code");
  }

  @Test
  void aWrongLengthIsRefused() {
    assertThatThrownBy(() -> CreditCode.parse(valid.substring(1))).hasMessage("must have 18 characters, not 17");
  }
}
