package io.cordon.domain.registry;

import io.cordon.domain.identity.CreditCode;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An enterprise as entered; at least one contact, loading point ids unique. */
public record EnterpriseForm(String id, String name, String creditCode, List<ContactForm> contacts,
    List<String> loadingPoints) {

  public EnterpriseForm {
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
    loadingPoints = loadingPoints == null ? List.of() : List.copyOf(loadingPoints);
  }

  public Result<RegisteredEnterprise> validate() {
    Problems p = new Problems();
    Optional<String> i = p.text("id", id, 40);
    Optional<String> n = p.text("name", name, 100);
    Optional<CreditCode> code = p.parse("creditCode", creditCode, CreditCode::parse);
    if (contacts.isEmpty()) {
      p.add("contacts", "at least one contact is required");
    }
    List<Contact> cs = new ArrayList<>();
    for (int k = 0; k < contacts.size(); k++) {
      Result<Contact> c = contacts.get(k).validate();
      if (c instanceof Result.Ok<Contact> ok) {
        cs.add(ok.value());
      } else {
        p.addAll("contacts[" + k + "]", ((Result.Refused<Contact>) c).refusal().errors());
      }
    }
    Set<String> seen = new HashSet<>();
    List<String> lps = new ArrayList<>();
    for (int k = 0; k < loadingPoints.size(); k++) {
      String lp = loadingPoints.get(k);
      if (lp == null || lp.isBlank()) {
        p.add("loadingPoints[" + k + "]", "must not be blank");
      } else if (!seen.add(lp.strip())) {
        p.add("loadingPoints[" + k + "]", "\"" + lp.strip() + "\" is listed twice");
      } else {
        lps.add(lp.strip());
      }
    }
    return p.result(() -> new RegisteredEnterprise(new EnterpriseId(i.orElseThrow()), n.orElseThrow(),
        code.orElseThrow(), cs, lps));
  }
}
