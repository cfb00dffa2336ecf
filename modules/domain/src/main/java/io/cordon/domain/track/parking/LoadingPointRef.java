package io.cordon.domain.track.parking;

import io.cordon.domain.park.EnterpriseId;
import java.util.Objects;

/** A loading point by its enterprise and its id there (ids are unique within an enterprise only). */
public record LoadingPointRef(EnterpriseId enterprise, String id) {
  public LoadingPointRef {
    Objects.requireNonNull(enterprise, "enterprise");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("loading point id must not be blank");
    }
  }

  public static LoadingPointRef of(String enterprise, String id) {
    return new LoadingPointRef(new EnterpriseId(enterprise), id);
  }

  @Override
  public String toString() {
    return enterprise + "/" + id;
  }
}
