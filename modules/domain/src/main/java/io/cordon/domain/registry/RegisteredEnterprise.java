package io.cordon.domain.registry;

import io.cordon.domain.identity.CreditCode;
import io.cordon.domain.park.EnterpriseId;
import java.util.List;
import java.util.Objects;

/**
 * An enterprise in the registry: its park id (the same as in the park plan), name, unified social
 * credit code, contacts and the ids of its loading points (their positions are in the park plan).
 * Transport companies outside the park are registered too, without loading points.
 */
public record RegisteredEnterprise(EnterpriseId id, String name, CreditCode creditCode, List<Contact> contacts,
    List<String> loadingPoints) {

  public RegisteredEnterprise {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(creditCode, "creditCode");
    contacts = List.copyOf(contacts);
    loadingPoints = List.copyOf(loadingPoints);
  }
}
