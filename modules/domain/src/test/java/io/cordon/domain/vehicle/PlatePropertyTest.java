package io.cordon.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PlatePropertyTest {

  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String ALNUM = LETTERS + "0123456789";

  @Property(tries = 500)
  void everyWellFormedPlateParsesToItself(@ForAll("plates") String text) {
    assertThat(Plate.parse(text).value()).isEqualTo(text);
  }

  @Property(tries = 500)
  void aSeparatorAfterTheAuthorityLetterChangesNothing(@ForAll("plates") String text) {
    String written = text.substring(0, 2) + "·" + text.substring(2);

    assertThat(Plate.parse(written)).isEqualTo(Plate.parse(text));
  }

  @Property(tries = 500)
  void anIOrAnOAnywhereInTheSerialMakesThePlateInvalid(
      @ForAll("plates") String text, @ForAll @IntRange(min = 2, max = 7) int at, @ForAll boolean letterI) {
    int position = Math.min(at, text.length() - 1);
    String broken = text.substring(0, position) + (letterI ? 'I' : 'O') + text.substring(position + 1);

    assertThat(Plate.isValid(broken)).isFalse();
  }

  @Property(tries = 300)
  void aPlateWithoutItsProvinceIsInvalid(@ForAll("plates") String text) {
    assertThat(Plate.isValid(text.substring(1))).isFalse();
  }

  @Property(tries = 300)
  void aCharacterMoreOrLessMakesAnOrdinaryPlateInvalidUnlessItBecomesNewEnergy(
      @ForAll("ordinary") String text, @ForAll @IntRange(min = 0, max = 9) int digit) {
    assertThat(Plate.isValid(text.substring(0, 6))).isFalse();
    String longer = text + digit;
    assertThat(Plate.isValid(longer)).isEqualTo(Plate.parse(text).kind() == PlateKind.ORDINARY
        && longer.substring(2).matches("[DABCEFGHJK][A-HJ-NP-Z0-9][0-9]{4}"));
  }

  @Provide
  Arbitrary<String> plates() {
    return Arbitraries.oneOf(ordinary(), smallNewEnergy(), largeNewEnergy(), suffixed());
  }

  @Provide
  Arbitrary<String> ordinary() {
    return Combinators.combine(prefix(), chars(ALNUM, 5)).as((p, s) -> p + s);
  }

  private Arbitrary<String> smallNewEnergy() {
    return Combinators.combine(prefix(), chars("DABCEFGHJK", 1), chars(ALNUM, 1), chars("0123456789", 4))
        .as((p, a, b, c) -> p + a + b + c);
  }

  private Arbitrary<String> largeNewEnergy() {
    return Combinators.combine(prefix(), chars("0123456789", 5), chars("DF", 1)).as((p, a, b) -> p + a + b);
  }

  private Arbitrary<String> suffixed() {
    return Combinators.combine(prefix(), chars(ALNUM, 4), chars("挂学警", 1)).as((p, a, b) -> p + a + b);
  }

  private Arbitrary<String> prefix() {
    return Combinators.combine(chars(Plate.PROVINCES, 1), chars(LETTERS, 1)).as((p, l) -> p + l);
  }

  private static Arbitrary<String> chars(String alphabet, int length) {
    return Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c).toList())
        .list().ofSize(length)
        .map(list -> list.stream().map(String::valueOf).reduce("", String::concat));
  }
}
