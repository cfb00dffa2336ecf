package io.cordon.domain.hazmat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HazmatTest {

  @Test
  void classesAndDivisionsParseFromTheirCodes() {
    assertThat(HazardClass.parse("2.3")).isEqualTo(HazardClass.TOXIC_GAS_2_3);
    assertThat(HazardClass.parse("第3类".replace("第", ""))).isEqualTo(HazardClass.FLAMMABLE_LIQUID_3);
    assertThat(HazardClass.TOXIC_GAS_2_3.mainClass()).isEqualTo(2);
  }

  @Test
  void aDivisionThatDoesNotExistIsRefused() {
    assertThatThrownBy(() -> HazardClass.parse("3.1")).hasMessageContaining("no GB 6944 class or division");
  }

  @Test
  void unNumbersNormaliseAndRefuseBadShapes() {
    assertThat(UnNumber.parse("un 1203").value()).isEqualTo("UN1203");
    assertThatThrownBy(() -> UnNumber.parse("UN123")).hasMessageContaining("four digits");
    assertThatThrownBy(() -> UnNumber.parse("0000")).hasMessageContaining("no UN number");
  }

  @Test
  void aCatalogueListingAUnNumberTwiceIsRefused() {
    CatalogueEntry petrol = new CatalogueEntry(UnNumber.parse("1203"), "汽油", HazardClass.FLAMMABLE_LIQUID_3, false);

    assertThatThrownBy(() -> new InMemoryHazmatCatalogue(List.of(petrol, petrol))).hasMessageContaining("twice");
  }

  @Test
  void knownGoodsOfTheRightClassPassTheCatalogueCheck() {
    HazmatCatalogue catalogue = new InMemoryHazmatCatalogue(List.of(
        new CatalogueEntry(UnNumber.parse("1203"), "汽油", HazardClass.FLAMMABLE_LIQUID_3, false)));
    Goods petrol = Goods.of("汽油", HazardClass.FLAMMABLE_LIQUID_3, UnNumber.parse("1203"),
        Quantity.of("20", QuantityUnit.TONNE));

    assertThat(GoodsCheck.mistakes(List.of(petrol), catalogue)).isEmpty();
    assertThat(GoodsCheck.forbidden(List.of(petrol), catalogue)).isEmpty();
  }

  @Test
  void aQuantityMustBePositive() {
    assertThatThrownBy(() -> Quantity.of("0", QuantityUnit.KILOGRAM)).hasMessage("must be more than zero");
  }
}
