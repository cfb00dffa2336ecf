package io.cordon.domain.hazmat;

import io.cordon.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks declared goods against the park's catalogue. Unknown UN numbers and a class that does not
 * match the catalogue are mistakes the applicant fixes ({@link #mistakes}); goods the park forbids
 * are a reason to reject ({@link #forbidden}). Paths are relative to the goods list: "[0].unNumber".
 */
public final class GoodsCheck {

  private GoodsCheck() {
  }

  public static List<FieldError> mistakes(List<Goods> goods, HazmatCatalogue catalogue) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < goods.size(); i++) {
      Goods g = goods.get(i);
      Optional<CatalogueEntry> entry = catalogue.find(g.unNumber());
      if (entry.isEmpty()) {
        errors.add(new FieldError("[" + i + "].unNumber", g.unNumber() + " is not in the park's dangerous-goods catalogue"));
      } else if (entry.get().hazardClass() != g.hazardClass()) {
        errors.add(new FieldError("[" + i + "].hazardClass", g.unNumber() + " (" + entry.get().properName()
            + ") is class " + entry.get().hazardClass() + ", not " + g.hazardClass()));
      }
    }
    return errors;
  }

  public static List<FieldError> forbidden(List<Goods> goods, HazmatCatalogue catalogue) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < goods.size(); i++) {
      Goods g = goods.get(i);
      Optional<CatalogueEntry> entry = catalogue.find(g.unNumber());
      if (entry.isPresent() && entry.get().forbidden()) {
        errors.add(new FieldError("[" + i + "].unNumber", g.unNumber() + " (" + entry.get().properName()
            + ") is forbidden in this park"));
      }
    }
    return errors;
  }
}
