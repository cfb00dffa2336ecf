package io.cordon.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CheckDigitPropertyTest {

  private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @Property(tries = 500)
  void everyIdNumberWithItsComputedCheckDigitIsValid(@ForAll("sequences") String sequence,
      @ForAll @IntRange(min = 1900, max = 2025) int year, @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 28) int day) {
    String id = TestNumbers.residentId("320102", String.format("%04d%02d%02d", year, month, day), sequence);

    assertThat(ResidentIdNumber.isValid(id)).isTrue();
  }

  @Property(tries = 500)
  void changingOneDigitOfAnIdNumberBreaksTheCheck(@ForAll("sequences") String sequence,
      @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
    String id = TestNumbers.residentId("320102", "19850315", sequence);
    char changed = (char) ('0' + (id.charAt(position) - '0' + delta) % 10);
    String broken = id.substring(0, position) + changed + id.substring(position + 1);

    assertThat(ResidentIdNumber.parse(id).value().substring(0, 17)).isNotEqualTo(broken.substring(0, 17));
    assertThat(broken.substring(17)).isEqualTo(id.substring(17));
    if (ResidentIdNumber.problemWith(broken).isEmpty()) {
      throw new AssertionError(broken + " passed although one digit changed");
    }
  }

  @Property(tries = 500)
  void swappingTwoDifferentNeighbouringDigitsOfAnIdNumberBreaksTheCheck(@ForAll("sequences") String sequence,
      @ForAll @IntRange(min = 0, max = 15) int position) {
    String id = TestNumbers.residentId("320102", "19850315", sequence);
    if (id.charAt(position) == id.charAt(position + 1)) {
      return;
    }
    String swapped = id.substring(0, position) + id.charAt(position + 1) + id.charAt(position) + id.substring(position + 2);

    assertThat(ResidentIdNumber.isValid(swapped)).isFalse();
  }

  @Property(tries = 500)
  void everyVinWithItsComputedCheckCharacterIsValidAndOneChangeBreaksIt(@ForAll("vinBodies") String body,
      @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
    String vin = TestNumbers.vin(body.substring(0, 8), body.substring(8));
    assertThat(Vin.isValid(vin)).isTrue();
    if (position == 8) {
      return;
    }
    char c = vin.charAt(position);
    if (!Character.isDigit(c)) {
      return;
    }
    String broken = vin.substring(0, position) + (char) ('0' + (c - '0' + delta) % 10) + vin.substring(position + 1);
    assertThat(Vin.isValid(broken)).isFalse();
  }

  @Property(tries = 500)
  void everyCreditCodeWithItsComputedCheckCharacterIsValidAndOneChangeBreaksIt(@ForAll("creditBodies") String body,
      @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 30) int delta) {
    String code = TestNumbers.creditCode(body);
    assertThat(CreditCode.isValid(code)).isTrue();
    if (position >= 2 && position <= 7) {
      return; // region digits: a letter there is refused for its shape, tested elsewhere
    }
    char changed = CREDIT_CHARS.charAt((CREDIT_CHARS.indexOf(code.charAt(position)) + delta) % 31);
    String broken = code.substring(0, position) + changed + code.substring(position + 1);
    assertThat(CreditCode.isValid(broken)).isFalse();
  }

  @Provide
  Arbitrary<String> sequences() {
    return Arbitraries.strings().withChars("0123456789").ofLength(3);
  }

  @Provide
  Arbitrary<String> vinBodies() {
    return Arbitraries.strings().withChars(VIN_CHARS).ofLength(16);
  }

  @Provide
  Arbitrary<String> creditBodies() {
    return Arbitraries.strings().withChars(CREDIT_CHARS).ofLength(2)
        .flatMap(head -> Arbitraries.strings().withChars("0123456789").ofLength(6)
            .flatMap(region -> Arbitraries.strings().withChars(CREDIT_CHARS).ofLength(9)
                .map(tail -> head + region + tail)));
  }
}
