package io.cordon.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  private final String valid = TestNumbers.residentId("320102", "19850315", "123");

  @Test
  void theStandardsOwnExampleEndsInX() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
  }

  @Test
  void aValidNumberParsesWithItsBirthDateRegionAndSex() {
    ResidentIdNumber id = ResidentIdNumber.parse(valid);

    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
    assertThat(id.regionCode()).isEqualTo("320102");
    assertThat(id.male()).isTrue();
  }

  @Test
  void aLowerCaseXAndSpacesAreAccepted() {
    assertThat(ResidentIdNumber.parse("110105 19491231 002x").value()).isEqualTo("11010519491231002X");
  }

  @Test
  void aWrongCheckDigitIsRefusedNamingTheExpectedOne() {
    char wrong = valid.charAt(17) == '1' ? '2' : '1';

    assertThatThrownBy(() -> ResidentIdNumber.parse(valid.substring(0, 17) + wrong))
        .hasMessageContaining("check digit is " + wrong + " but should be " + valid.charAt(17));
  }

  @Test
  void anImpossibleBirthDateIsRefused() {
    assertThatThrownBy(() -> ResidentIdNumber.parse(TestNumbers.residentId("320102", "19850230", "123")))
        .hasMessageContaining("birth date 19850230 is not a calendar date");
  }

  @Test
  void aBirthDateBefore1900IsRefused() {
    assertThatThrownBy(() -> ResidentIdNumber.parse(TestNumbers.residentId("320102", "18991231", "123")))
        .hasMessageContaining("before 1900");
  }

  @Test
  void aWrongLengthIsRefused() {
    assertThatThrownBy(() -> ResidentIdNumber.parse(valid.substring(0, 17)))
        .hasMessage("must have 18 characters, not 17");
  }

  @Test
  void aLegacyFifteenDigitNumberIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> ResidentIdNumber.parse("320102850315123"))
        .hasMessageContaining("15-digit ID numbers (issued before 1999) are no longer valid");
  }

  @Test
  void anUnknownProvinceCodeIsRefused() {
    assertThatThrownBy(() -> ResidentIdNumber.parse(TestNumbers.residentId("990102", "19850315", "123")))
        .hasMessageContaining("region code 990102 names no province");
  }

  @Test
  void lettersInsideTheNumberAreRefused() {
    assertThatThrownBy(() -> ResidentIdNumber.parse("3201021985031512A1"))
        .hasMessage("must be 17 digits followed by a digit or X");
  }

  @Test
  void aBirthDateAfterTodayIsDetectable() {
    ResidentIdNumber id = ResidentIdNumber.parse(TestNumbers.residentId("320102", "20300101", "123"));

    assertThat(id.bornAfter(LocalDate.of(2026, 12, 1))).isTrue();
  }

  @Test
  void itsTextMasksTheMiddle() {
    assertThat(ResidentIdNumber.parse(valid).toString()).isEqualTo("320102********" + valid.substring(14));
  }
}
