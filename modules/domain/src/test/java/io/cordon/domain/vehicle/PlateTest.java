package io.cordon.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

  @ParameterizedTest(name = "{0} is a {1} plate")
  @CsvSource({
      "苏A12345, ORDINARY",
      "京N8P8F0, ORDINARY",
      "沪ABCDEF, ORDINARY",
      "琼Z00001, ORDINARY",
      "苏AD12345, NEW_ENERGY_SMALL",
      "苏AFA1234, NEW_ENERGY_SMALL",
      "粤BA12345, NEW_ENERGY_SMALL",
      "浙CK98765, NEW_ENERGY_SMALL",
      "苏A12345D, NEW_ENERGY_LARGE",
      "苏E54321F, NEW_ENERGY_LARGE",
      "苏E1234挂, TRAILER",
      "鲁QA123挂, TRAILER",
      "苏A1234学, COACH",
      "苏A0001警, POLICE"
  })
  void acceptsEveryPlateFormatCordonSupports(String text, PlateKind kind) {
    Plate plate = Plate.parse(text);

    assertThat(plate.value()).isEqualTo(text);
    assertThat(plate.kind()).isEqualTo(kind);
    assertThat(Plate.isValid(text)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" reads as {1}")
  @CsvSource({
      "苏A·12345, 苏A12345",
      "苏A 12345, 苏A12345",
      "' 苏a12345 ', 苏A12345",
      "苏ad12345, 苏AD12345",
      "苏E·1234挂, 苏E1234挂"
  })
  void parsingRemovesSeparatorsAndUpperCasesLetters(String text, String value) {
    assertThat(Plate.parse(text).value()).isEqualTo(value);
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "''          | it is empty",
      "A12345      | province abbreviation",
      "台A12345     | province abbreviation",
      "苏112345     | issuing authority's letter",
      "苏I12345     | issuing authority's letter",
      "苏O12345     | issuing authority's letter",
      "苏A1234     | 7 characters",
      "苏A1234567  | 7 characters",
      "苏A1I345     | must not use I or O",
      "苏A12O45     | must not use I or O",
      "苏AD1234O   | must not use I or O",
      "苏A1234-    | last character",
      "苏A12#45    | letters and digits only",
      "苏AX12345   | new-energy serial",
      "苏AD1234A   | new-energy serial",
      "苏A1234AD   | new-energy serial",
      "苏A12345E   | new-energy serial",
      "苏A123挂5    | letters and digits only",
      "苏A1234使    | special plates",
      "使123456    | special plates",
      "粤Z1234港    | special plates",
      "粤Z1234澳    | special plates",
      "苏A1234领    | special plates",
      "苏A1234应急  | special plates",
      "WJ12345    | special plates"
  })
  void refusesAMalformedPlateNamingTheRule(String text, String reason) {
    assertThatIllegalArgumentException().isThrownBy(() -> Plate.parse(text)).withMessageContaining(reason);
    assertThat(Plate.isValid(text)).isFalse();
  }

  @Test
  void refusesAMissingPlate() {
    assertThatIllegalArgumentException().isThrownBy(() -> Plate.parse(null)).withMessageContaining("missing");
    assertThat(Plate.isValid(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"苏A·12345", "苏a12345"})
  void theConstructorTakesOnlyNormalisedValues(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Plate(text));
  }

  @Test
  void namesProvinceAndIssuingAuthority() {
    Plate plate = Plate.parse("苏E1234挂");

    assertThat(plate.province()).isEqualTo('苏');
    assertThat(plate.authority()).isEqualTo('E');
  }

  @Test
  void platesWithTheSameTextAreEqual() {
    assertThat(Plate.parse("苏A·12345")).isEqualTo(Plate.parse("苏A12345")).hasToString("苏A12345");
  }

  @Test
  void everyMainlandProvinceIsAccepted() {
    assertThat(Plate.PROVINCES).hasSize(31);
    for (char province : Plate.PROVINCES.toCharArray()) {
      assertThat(Plate.isValid(province + "A12345")).as("%s", province).isTrue();
    }
  }
}
