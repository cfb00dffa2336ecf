package io.cordon.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VinTest {

  @Test
  void theIso3779TextbookExampleChecks() {
    assertThat(Vin.checkCharacter("1M8GDM9AXKP042788")).isEqualTo('X');
    assertThat(Vin.parse("1m8gdm9axkp042788").value()).isEqualTo("1M8GDM9AXKP042788");
  }

  @Test
  void aWrongCheckCharacterIsRefusedNamingTheExpectedOne() {
    assertThatThrownBy(() -> Vin.parse("1M8GDM9A1KP042788"))
        .hasMessageContaining("check character (position 9) is 1 but should be X");
  }

  @Test
  void theLettersIOAndQAreRefused() {
    assertThatThrownBy(() -> Vin.parse("1M8GDM9AXKP04278O")).hasMessageContaining("must not contain I, O or Q (position 17)");
  }

  @Test
  void aWrongLengthIsRefused() {
    assertThatThrownBy(() -> Vin.parse("1M8GDM9AXKP04278")).hasMessage("must have 17 characters, not 16");
  }

  @Test
  void aVinWithoutCheckCharacterIsAcceptedOnlyByTheExplicitOverride() {
    String european = "WVWZZZ1KZAW123456";

    assertThat(Vin.isValid(european)).isFalse();
    assertThat(Vin.parseWithoutCheck(european).manufacturer()).isEqualTo("WVW");
  }
}
