package io.cordon.domain.registry;

import io.cordon.domain.identity.PhoneNumber;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import java.util.Optional;

public record ContactForm(String name, String position, String phone) {

  public Result<Contact> validate() {
    Problems p = new Problems();
    Optional<String> n = p.text("name", name, PersonForm.MAX_NAME);
    Optional<String> pos = p.text("position", position, 50);
    Optional<PhoneNumber> ph = p.parse("phone", phone, PhoneNumber::parse);
    return p.result(() -> new Contact(n.orElseThrow(), pos.orElseThrow(), ph.orElseThrow()));
  }
}
